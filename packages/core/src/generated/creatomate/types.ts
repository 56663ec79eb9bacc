// generated — do not edit. Source: specs/creatomate.openapi.yml via openapi-typescript, response-only enums opened.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
export interface paths {
    "/renders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List renders
         * @description Returns renders belonging to the project, most recent first. Supports filtering by template and pagination. Unconfirmed: this operation appears only in third-party descriptions of the API, not in Creatomate's own documentation.
         */
        get: operations["listRenders"];
        put?: never;
        /**
         * Create one or more renders
         * @description Starts one or more renders. Provide a `template_id` or a `source` to create a single render, or one or more `tags` to render every template carrying those tags. The response is returned immediately with each queued render in the `planned` state; the output is produced asynchronously.
         */
        post: operations["createRender"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/renders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the render. */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get the status of a render
         * @description Returns the current state of a single render, including its `status` and, once complete, the `url` of the produced file.
         */
        get: operations["getRender"];
        put?: never;
        post?: never;
        /**
         * Delete a render
         * @description Deletes a render and its associated output file. Unconfirmed: this operation appears only in third-party descriptions of the API, not in Creatomate's own documentation.
         */
        delete: operations["deleteRender"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get all templates in a project
         * @description Returns the metadata of every template in the project. This endpoint does not return the RenderScript source of each template; use `GET /templates/{id}` to retrieve a single template's source.
         */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the template. */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a template by its ID
         * @description Returns a single template including its RenderScript `source`, which describes the named elements that can be targeted by `modifications` when creating a render.
         */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Body for POST /renders. Supply exactly one of `template_id`, `source`, or `tags` to select what is rendered. */
        CreateRenderRequest: {
            /**
             * Format: uuid
             * @description The template to render.
             */
            template_id?: string;
            /** @description An inline RenderScript source object, used instead of a template_id to render an ad-hoc design. */
            source?: {
                [key: string]: unknown;
            };
            /** @description One or more template tags. Every template carrying any of these tags is rendered, allowing batches to be started in one request. */
            tags?: string[];
            /** @description Map of element name to replacement value. Keys are the named elements declared in the template (for example `Text-1`, `Video`); values may be strings, numbers, URLs, or nested property objects. */
            modifications?: {
                [key: string]: unknown;
            };
            /**
             * @description The output file format. Defaults to the template's format.
             * @enum {string}
             */
            output_format?: "jpg" | "png" | "gif" | "mp4";
            /** @description Frame rate (fps) for video output. Defaults to the template's frame rate. */
            frame_rate?: number;
            /**
             * @description Scale of the render relative to the template. 1.0 (the default) produces the same dimensions as the template.
             * @default 1
             */
            render_scale?: number;
            /** @description Scales the render so its width never exceeds this value while preserving aspect ratio. Overrides render_scale when set. */
            max_width?: number;
            /** @description Scales the render so its height never exceeds this value while preserving aspect ratio. Overrides render_scale when set. */
            max_height?: number;
            /**
             * Format: uri
             * @description URL that Creatomate calls with an HTTP POST carrying the Render object once the render succeeds or fails.
             */
            webhook_url?: string;
            /** @description Arbitrary text stored with the render and echoed back in the Render object and the webhook payload. */
            metadata?: string;
            /** @description Your own subtitle timings, used instead of automatic transcription. The item shape is not documented in detail. */
            transcripts?: {
                [key: string]: unknown;
            }[];
        };
        /** @description A render job and, once complete, a pointer to its output file. */
        Render: {
            /**
             * Format: uuid
             * @description Unique identifier of the render.
             */
            id: string;
            status: components["schemas"]["RenderStatus"];
            /** @description Present only when status is `failed`; explains the failure. */
            error_message?: string | null;
            /**
             * Format: uri
             * @description URL where the produced file will be served. Present from creation; valid only once the render has succeeded.
             */
            url: string | null;
            /**
             * Format: uri
             * @description URL of a still preview image of the output.
             */
            snapshot_url?: string | null;
            /**
             * Format: uuid
             * @description The template this render was produced from, if any.
             */
            template_id?: string | null;
            /** @description Name of the source template. */
            template_name?: string | null;
            /** @description Tags of the source template. */
            template_tags?: string[] | null;
            /**
             * @description The output file format.
             * @enum {string}
             */
            output_format?: OpenEnum<"jpg" | "png" | "gif" | "mp4">;
            /** @description The scale applied relative to the template. */
            render_scale?: number;
            /** @description Output width in pixels. */
            width?: number;
            /** @description Output height in pixels. */
            height?: number;
            /** @description Output frame rate in fps for video output. */
            frame_rate?: number | null;
            /** @description Output duration in seconds for video output. */
            duration?: number | null;
            /** @description Size of the output file in bytes. */
            file_size?: number | null;
            /** @description The modifications that were applied to produce this render. */
            modifications?: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: uri
             * @description The webhook URL given when the render was created.
             */
            webhook_url?: string | null;
            /** @description Caller-supplied metadata echoed back from the create request. */
            metadata?: string | null;
        };
        /**
         * @description Lifecycle state of a render. `succeeded` and `failed` are terminal states that trigger the webhook, if configured.
         * @enum {string}
         */
        RenderStatus: OpenEnum<"planned" | "waiting" | "transcribing" | "rendering" | "succeeded" | "failed">;
        /** @description A reusable design that renders can be produced from. */
        Template: {
            /**
             * Format: uuid
             * @description Unique identifier of the template.
             */
            id: string;
            /** @description Display name of the template. */
            name: string;
            /** @description Tags assigned to the template. */
            tags?: string[];
            /** @description Template width in pixels. */
            width?: number | null;
            /** @description Template height in pixels. */
            height?: number | null;
            /** @description Template frame rate in fps. */
            frame_rate?: number | null;
            /** @description Template duration in seconds. */
            duration?: number | null;
            /** @description The RenderScript source of the template. Returned by GET /templates/{id} but omitted from the list endpoint. */
            source?: {
                [key: string]: unknown;
            } | null;
            /** @description When the template was created, e.g. `2026-01-01 12:00:00.000 +0200`. */
            created_at?: string;
            /** @description When the template was last updated, e.g. `2026-01-01 12:00:00.000 +0200`. */
            updated_at?: string;
        };
        /** @description Error response payload. */
        Error: {
            /** @description Human-readable description of the error. */
            hint?: string;
            /**
             * Format: uri
             * @description Link to the documentation that explains the error.
             */
            documentation_url?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The request body was malformed or failed validation. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key is missing or invalid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The project does not have enough credits for this render. */
        InsufficientCredits: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The requested resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limit exceeded. Retry after backing off. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listRenders: {
        parameters: {
            query?: {
                /** @description Only return renders produced from this template. */
                template_id?: string;
                /** @description Maximum number of renders to return. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An array of Render objects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Render"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createRender: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRenderRequest"];
            };
        };
        responses: {
            /** @description Accepted. The renders have been queued. Returns an array of Render objects in their initial state. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Render"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the render. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requested Render object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Render"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteRender: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the render. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The render was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Render"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                /** @description Comma-separated list of tags used to filter templates. */
                tags?: string;
                /** @description Maximum number of templates to return. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An array of Template objects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the template. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requested Template object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

/** A closed set of known values that stays open to values the vendor adds later (autocomplete keeps the known ones). */
export type OpenEnum<T extends string> = T | (string & {});
