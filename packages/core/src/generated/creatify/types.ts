// generated — do not edit. Source: specs/creatify.openapi.yml via openapi-typescript, response-only enums opened.
// Regenerate with `pnpm generate`; `pnpm generate:check` fails when this file is stale.
/* eslint-disable */
export interface paths {
    "/api/custom_template_jobs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a custom template job (preview and render in one step)
         * @description Creates a job that renders the final video directly. Costs 5 credits per 30 seconds of video for the `standard` model.
         */
        post: operations["custom_template_jobs_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_template_jobs/preview/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a preview synchronously
         * @description Blocks until the preview is ready and returns the job with `preview` set. Costs 1 credit per 30 seconds of video. Creatify recommends the asynchronous variant under load. The success status code is unconfirmed.
         */
        post: operations["custom_template_jobs_preview_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_template_jobs/preview_async/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a preview asynchronously
         * @description Returns at once with the job `pending`; poll the job until `done`, then read `preview`. Costs 1 credit per 30 seconds of video.
         */
        post: operations["custom_template_jobs_preview_async_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_template_jobs/{id}/render/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this Custom Template Job. */
                id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a previewed job
         * @description Renders the final video of a job whose preview is done. Costs 4 credits per 30 seconds of video. The success status code and whether a body is needed are unconfirmed; reelkit sends `{}`.
         */
        post: operations["custom_template_jobs_render_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_template_jobs/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this Custom Template Job. */
                id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /**
         * Get a custom template job
         * @description Returns the job with its status, progress and outputs. Free.
         */
        get: operations["custom_template_jobs_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_templates/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List custom templates
         * @description Returns every custom template of the workspace as a plain array. Free.
         */
        get: operations["custom_templates_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom_templates/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this custom template. */
                template_id: string;
            };
            cookie?: never;
        };
        /**
         * Get a custom template with its variables
         * @description Returns the template with the definitions of its variables. Free.
         */
        get: operations["custom_templates_retrieve"];
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
        /**
         * @description Lifecycle of a job: pending → in_queue → running → done | failed. `rejected` is also terminal.
         * @enum {string}
         */
        JobStatus: OpenEnum<"pending" | "in_queue" | "running" | "failed" | "done" | "rejected">;
        /**
         * @description Model for the avatar. `standard` costs 5 credits per 30 s (create); `aurora_v1` 1 credit per second; `aurora_v1_fast` 0.5 credit per second.
         * @enum {string}
         */
        ModelVersion: "standard" | "aurora_v1" | "aurora_v1_fast";
        /** @description Body for creating a job, a preview or an async preview. */
        CustomTemplateJobInput: {
            /**
             * Format: uuid
             * @description The custom template to use.
             */
            template_id: string;
            variables: components["schemas"]["TemplateVariables"];
            /** @description Name of the video. Default is null. */
            name?: string | null;
            /**
             * Format: uri
             * @description Webhook URL for status updates. Default is null.
             */
            webhook_url?: string | null;
            model_version?: components["schemas"]["ModelVersion"];
            /** @description Whether the job should be hidden. Default is false. */
            is_hidden?: boolean;
        };
        /** @description Body for rendering a previewed job. Creatify's page repeats the create serializer here; whether any field is read is unconfirmed. */
        RenderJobInput: {
            [key: string]: unknown;
        };
        /** @description JSON data for the custom template: a map from the template's variable name to its value. The `{type, properties}` value shape is taken from third-party code; Creatify's schema says only `object`. */
        TemplateVariables: {
            [key: string]: components["schemas"]["TemplateVariable"];
        };
        /** @description One variable's value, discriminated on `type`. */
        TemplateVariable: components["schemas"]["TextVariable"] | components["schemas"]["ImageVariable"] | components["schemas"]["VideoVariable"] | components["schemas"]["AudioVariable"] | components["schemas"]["AvatarVariable"] | components["schemas"]["VoiceoverVariable"] | components["schemas"]["OtherVariable"];
        /** @description Replaces a `{{variable}}` text placeholder. */
        TextVariable: {
            /** @enum {string} */
            type: "text";
            properties: {
                content: string;
            };
        };
        /** @description Replaces an image. */
        ImageVariable: {
            /** @enum {string} */
            type: "image";
            properties: components["schemas"]["MediaProperties"];
        };
        /** @description Replaces a video clip. */
        VideoVariable: {
            /** @enum {string} */
            type: "video";
            properties: components["schemas"]["MediaProperties"];
        };
        /** @description Replaces the background audio. */
        AudioVariable: {
            /** @enum {string} */
            type: "audio";
            properties: components["schemas"]["MediaProperties"];
        };
        MediaProperties: {
            /**
             * Format: uri
             * @description Public URL of the media file.
             */
            url: string;
        };
        /** @description Swaps the avatar; ids come from the personas endpoint. */
        AvatarVariable: {
            /** @enum {string} */
            type: "avatar";
            properties: {
                avatar_id: string;
            };
        };
        /** @description Sets the voice; ids are `accents[].id` from the voices endpoint. Seen in third-party code only. */
        VoiceoverVariable: {
            /** @enum {string} */
            type: "voiceover";
            properties: {
                voice_id: string;
            };
        };
        /** @description Escape hatch for a variable kind the API adds later. Its `type` is any value other than the six known kinds. */
        OtherVariable: {
            type: string;
            properties: {
                [key: string]: unknown;
            };
        };
        /** @description A custom template job and, once done, its outputs. */
        CustomTemplateJob: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description Name of the video. */
            name?: string | null;
            /** @description JSON data for the custom template, as submitted. */
            variables: {
                [key: string]: unknown;
            };
            media_job: string | null;
            /** @description Video output URL, set when a render is done. */
            video_output: string | null;
            /** @description Preview URL (an app page meant for an iframe), set when a preview is done. */
            preview: string | null;
            /** @description Editor URL for the video; expires in 24 hours; only with API editor access. */
            editor_url: string | null;
            /** @description Why the job failed or was rejected. */
            failed_reason: string | null;
            /** @description Credits used by this job. */
            credits_used: number;
            /** @description Duration of the video in seconds. */
            duration: number;
            status: components["schemas"]["JobStatus"];
            /** @description Progress of the job. Whether the scale is 0–1 or 0–100 is unconfirmed. */
            progress: number;
            /** Format: uri */
            webhook_url?: string | null;
            model_version?: components["schemas"]["ModelVersion"];
            is_hidden?: boolean;
        };
        /** @description A custom template, as listed. */
        CustomTemplate: {
            /** @description Identifier of the template (a UUID). */
            template_id: string;
            name: string;
            /** @description Preview URL of the template. */
            preview: string;
            /** @description Aspect ratio such as `9x16`, `16x9` or `1x1`. */
            aspect_ratio: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at?: string;
        };
        /** @description A custom template with the definitions of its variables. */
        CustomTemplateDetail: {
            /** @description Identifier of the template (a UUID). */
            template_id: string;
            name: string;
            preview: string;
            aspect_ratio: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at?: string;
            /** @description Map from variable name to its definition. */
            variables: {
                [key: string]: components["schemas"]["VariableDetail"];
            };
        };
        /** @description Definition of one template variable. Creatify's schema for this object was not captured; this is the minimum reelkit relies on. */
        VariableDetail: {
            /** @description One of text, image, video, audio, avatar, voiceover (or a newer kind). */
            type: string;
            /** @description Whether a job must give this variable. */
            required?: boolean;
            /** @description Value used when the variable is not given. */
            default?: string | null;
        };
        /** @description DRF validation error body. */
        ValidationError: string[] | {
            [key: string]: string[] | string;
        };
        /** @description DRF error body for authentication, permission and not-found errors. */
        DetailError: {
            detail: string;
            code?: string;
        };
    };
    responses: {
        /** @description Validation failed. Django REST Framework shape: either an array of messages or a map from field name to messages. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description Missing or invalid API credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DetailError"];
            };
        };
        /** @description The credentials may not perform this action (e.g. no API plan). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DetailError"];
            };
        };
        /** @description No such job or template in this workspace. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DetailError"];
            };
        };
        /** @description Throttled. Creatify publishes no rate limit; this is DRF's throttling response and is unconfirmed. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DetailError"];
            };
        };
    };
    parameters: {
        /** @description A UUID string identifying this Custom Template Job. */
        JobId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    custom_template_jobs_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomTemplateJobInput"];
            };
        };
        responses: {
            /** @description The job was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_template_jobs_preview_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomTemplateJobInput"];
            };
        };
        responses: {
            /** @description The job with its preview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_template_jobs_preview_async_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomTemplateJobInput"];
            };
        };
        responses: {
            /** @description The preview job was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_template_jobs_render_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this Custom Template Job. */
                id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RenderJobInput"];
            };
        };
        responses: {
            /** @description The job, now rendering. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_template_jobs_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this Custom Template Job. */
                id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateJob"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_templates_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplate"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    custom_templates_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this custom template. */
                template_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomTemplateDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

/** A closed set of known values that stays open to values the vendor adds later (autocomplete keeps the known ones). */
export type OpenEnum<T extends string> = T | (string & {});
