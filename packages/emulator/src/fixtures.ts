// Seed data of the emulator: realistic templates for both vendors. Docs, tests and the demo use
// these (import from `@reelkit/emulator/fixtures`); every emulator account starts with them.
//
// Failing on purpose (documented in the README):
// - Creatomate: a render fails when its resolved source has an element named `__fail__`
//   (the "Always Fails" template has one), with error_message naming that element.
// - Creatify: a job fails when any text variable's content is `__fail__`, and is rejected
//   (moderation) when it is `__reject__`; failed_reason says which.
import type { components as creatomate } from '@reelkit/core/creatomate';
import type { components as creatify } from '@reelkit/core/creatify';

export type CreatomateTemplate = creatomate['schemas']['Template'];
export type CreatifyTemplate = creatify['schemas']['CustomTemplateDetail'];

/** Creatify template detail plus the emulator-only length of the video it produces. */
export interface CreatifySeedTemplate extends CreatifyTemplate {
  /** Seconds of video a job on this template produces (Creatify sets it by the template). */
  readonly video_duration: number;
}

// Template ids are fixed so docs and tests can name them.
export const CREATOMATE_TEMPLATE_IDS = {
  storyPromo: '6c1f3a52-8e0b-4d7a-9a41-2f6b0c9e7d11',
  productCard: '9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22',
  quoteSquare: 'a4d7e2b3-5c6f-4a19-8e0d-3b2c1f9a6e33',
  digestGif: 'c8e1f4a5-2b3d-4c6e-9f7a-1d0b2e3c4f44',
  alwaysFails: 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a55',
} as const;

export const CREATIFY_TEMPLATE_IDS = {
  productShowcase: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61',
  realEstateTour: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c72',
  testimonial: '3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d83',
} as const;

const ts = (day: number) => `2026-0${day}-01 12:00:00.000 +0200`;

export const creatomateTemplates: readonly CreatomateTemplate[] = [
  {
    id: CREATOMATE_TEMPLATE_IDS.storyPromo,
    name: 'Story Promo',
    tags: ['promo', 'social'],
    width: 1080,
    height: 1920,
    frame_rate: 30,
    duration: 12,
    created_at: ts(1),
    updated_at: ts(2),
    source: {
      output_format: 'mp4',
      width: 1080,
      height: 1920,
      frame_rate: 30,
      duration: 12,
      elements: [
        {
          type: 'video',
          name: 'Background-Video',
          id: '0f1e2d3c-4b5a-4697-8877-665544332211',
          track: 1,
          dynamic: true,
          source: 'https://cdn.example.com/stock/city-night.mp4',
          fit: 'cover',
        },
        {
          type: 'text',
          name: 'Headline',
          track: 2,
          dynamic: true,
          y: '25%',
          width: '85%',
          text: '{{headline}}',
          font_family: 'Montserrat',
          font_weight: '800',
          fill_color: '#ffffff',
        },
        {
          type: 'text',
          name: 'Subtitles',
          track: 3,
          y: '80%',
          transcript_source: 'Background-Video',
          transcript_effect: 'highlight',
          fill_color: '#ffffff',
        },
        {
          type: 'image',
          name: 'Logo',
          track: 4,
          dynamic: true,
          x: '50%',
          y: '90%',
          width: '30%',
          height: '8%',
          source: 'https://cdn.example.com/brand/logo.png',
        },
        {
          type: 'audio',
          name: 'Music',
          track: 5,
          dynamic: true,
          source: 'https://cdn.example.com/audio/upbeat.mp3',
          volume: '60%',
        },
        {
          type: 'composition',
          name: 'Outro',
          track: 6,
          time: 9,
          duration: 3,
          elements: [
            { type: 'shape', name: 'Outro-Backdrop', fill_color: '#111111', path: 'M 0 0 L 100 0 L 100 100 L 0 100 Z' },
            { type: 'text', name: 'Call-To-Action', dynamic: true, text: 'Shop now at {{website}}', fill_color: '#ffcc00' },
            { type: 'image', name: 'Outro-Logo', source: 'https://cdn.example.com/brand/logo-white.png', width: '40%' },
          ],
        },
      ],
    },
  },
  {
    id: CREATOMATE_TEMPLATE_IDS.productCard,
    name: 'Product Card',
    tags: ['ecommerce'],
    width: 1200,
    height: 628,
    frame_rate: null,
    duration: null,
    created_at: ts(2),
    updated_at: ts(3),
    source: {
      output_format: 'png',
      width: 1200,
      height: 628,
      elements: [
        { type: 'shape', name: 'Background', fill_color: '#f4f1ea', path: 'M 0 0 L 100 0 L 100 100 L 0 100 Z', locked: true },
        { type: 'image', name: 'Product-Image', dynamic: true, x: '25%', width: '45%', source: 'https://cdn.example.com/products/sneaker.jpg' },
        { type: 'text', name: 'Product-Name', dynamic: true, x: '72%', y: '35%', width: '45%', text: 'Trail Runner 2', font_weight: '700' },
        { type: 'text', name: 'Price', dynamic: true, x: '72%', y: '55%', text: 'Only {{price}}', fill_color: '#d0021b' },
        {
          type: 'composition',
          name: 'Badge',
          x: '88%',
          y: '15%',
          width: '18%',
          height: '18%',
          elements: [
            { type: 'shape', name: 'Badge-Circle', fill_color: '#d0021b', path: 'M 50 0 A 50 50 0 1 1 49.9 0 Z' },
            { type: 'text', name: 'Badge-Text', dynamic: true, text: 'NEW', fill_color: '#ffffff' },
          ],
        },
        { type: 'text', name: 'Disclaimer', visible: false, text: 'While stocks last.' },
      ],
    },
  },
  {
    id: CREATOMATE_TEMPLATE_IDS.quoteSquare,
    name: 'Quote Square',
    tags: ['social'],
    width: 1080,
    height: 1080,
    frame_rate: null,
    duration: null,
    created_at: ts(3),
    updated_at: ts(4),
    source: {
      output_format: 'jpg',
      width: 1080,
      height: 1080,
      elements: [
        { type: 'image', name: 'Photo', dynamic: true, source: 'https://cdn.example.com/people/portrait.jpg', opacity: '40%' },
        { type: 'text', name: 'Quote', dynamic: true, width: '80%', text: '“{{quote}}”', font_size: '6 vmin' },
        { type: 'text', name: 'Author', dynamic: true, y: '78%', text: '— {{author}}' },
      ],
    },
  },
  {
    id: CREATOMATE_TEMPLATE_IDS.digestGif,
    name: 'Weekly Digest GIF',
    tags: ['promo', 'newsletter'],
    width: 600,
    height: 400,
    frame_rate: 10,
    duration: 4,
    created_at: ts(4),
    updated_at: ts(5),
    source: {
      output_format: 'gif',
      width: 600,
      height: 400,
      frame_rate: 10,
      duration: 4,
      elements: [
        {
          type: 'composition',
          name: 'Frame',
          elements: [
            { type: 'text', name: 'Title', dynamic: true, text: 'This week: {{topic}}' },
            {
              type: 'composition',
              name: 'Footer',
              y: '90%',
              elements: [{ type: 'text', name: 'Issue-Number', dynamic: true, text: 'Issue #{{issue}}' }],
            },
          ],
        },
      ],
    },
  },
  {
    id: CREATOMATE_TEMPLATE_IDS.alwaysFails,
    name: 'Always Fails',
    tags: ['test'],
    width: 640,
    height: 360,
    frame_rate: 25,
    duration: 2,
    created_at: ts(5),
    updated_at: ts(6),
    source: {
      output_format: 'mp4',
      width: 640,
      height: 360,
      frame_rate: 25,
      duration: 2,
      elements: [
        { type: 'text', name: 'Message', dynamic: true, text: 'This render fails on purpose.' },
        { type: 'shape', name: '__fail__', fill_color: '#ff0000' },
      ],
    },
  },
];

const iso = (day: number) => `2026-0${day}-01T10:00:00Z`;

export const creatifyTemplates: readonly CreatifySeedTemplate[] = [
  {
    template_id: CREATIFY_TEMPLATE_IDS.productShowcase,
    name: 'Product Showcase',
    preview: 'https://app.creatify.ai/preview?layout=templates/product-showcase.json',
    aspect_ratio: '9x16',
    created_at: iso(1),
    updated_at: iso(2),
    video_duration: 25,
    variables: {
      product_name: { type: 'text', required: true },
      // Required, with a default: satisfied by the default when a job leaves it out (spec: VariableDetail.default).
      tagline: { type: 'text', required: true, default: 'Made for every day' },
      product_image: { type: 'image', required: true },
      background_music: { type: 'audio', required: false },
      presenter: { type: 'avatar', required: false },
      narration: { type: 'voiceover', required: false },
    },
  },
  {
    template_id: CREATIFY_TEMPLATE_IDS.realEstateTour,
    name: 'Real Estate Tour',
    preview: 'https://app.creatify.ai/preview?layout=templates/real-estate-tour.json',
    aspect_ratio: '16x9',
    created_at: iso(2),
    updated_at: iso(3),
    video_duration: 61,
    variables: {
      address: { type: 'text', required: true },
      price: { type: 'text', required: true },
      tour_video: { type: 'video', required: true },
      agent_photo: { type: 'image', required: false },
    },
  },
  {
    template_id: CREATIFY_TEMPLATE_IDS.testimonial,
    name: 'Customer Testimonial',
    preview: 'https://app.creatify.ai/preview?layout=templates/testimonial.json',
    aspect_ratio: '1x1',
    created_at: iso(3),
    updated_at: iso(4),
    video_duration: 30,
    variables: {
      quote: { type: 'text', required: true },
      customer_name: { type: 'text', required: true },
      spokesperson: { type: 'avatar', required: true },
      voice: { type: 'voiceover', required: true },
    },
  },
];
