// The one place where a generated zod schema's type may differ from the openapi-typescript type,
// with the reason. Every other component schema must match exactly (test/generated/*.test-d.ts).
//   compare: 'input'      → compare z.input instead of z.output
//   compare: 'known-keys' → compare against the type without its index signature
// One exception applies without being listed here, because generate.mjs computes where it applies:
//   open-enums → the types of response-only schemas (and the schemas that contain them) have
//     `OpenEnum<'a' | 'b'>` where the spec has a closed enum, so a status or format the vendor adds
//     later still type-checks; the zod schema keeps the closed enum (core reports an unknown value
//     as drift instead of failing, see src/decode.ts). Compared as `Closed<T>`, which undoes only
//     the `| (string & {})`; everything else must still match exactly.
export const typeExceptions = {
  creatomate: {
    CreateRenderRequest: {
      compare: 'input',
      reason:
        'render_scale has `default: 1`: zod fills it, so z.output makes it required, while the request type keeps it optional (openapi-typescript defaultNonNullable: false). reelkit validates but sends the caller\'s body unchanged.',
    },
    Error: {
      compare: 'known-keys',
      reason:
        '`additionalProperties: true` next to `properties`: openapi-typescript adds an index signature, the zod plugin emits a plain object. Extra keys still pass validation, and clients return the body unchanged.',
    },
  },
  // creatify: none. Its spec (ours) leaves `additionalProperties` unset where extra keys are allowed,
  // which means the same thing in OpenAPI and adds no index signature.
  creatify: {},
};
