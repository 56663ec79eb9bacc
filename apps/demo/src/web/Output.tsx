import type { Render } from '../shared/api.js';

/** A finished render inline (image or video) with a download link. */
export function Output({ render, label }: { render: Render; label: string }) {
  if (render.status !== 'succeeded' || !render.url) return null;
  const isVideo = render.output_format === 'mp4';
  return (
    <figure className="output">
      {isVideo ? (
        <video src={render.url} controls muted aria-label={label} width={render.width} height={render.height} />
      ) : (
        <img src={render.url} alt={label} width={render.width} height={render.height} />
      )}
      <figcaption>
        <a href={render.url} download>
          Download {render.output_format?.toUpperCase() ?? 'file'}
          {render.file_size ? ` (${Math.round(render.file_size / 1024)} KB)` : ''}
        </a>
      </figcaption>
    </figure>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{status}</span>;
}
