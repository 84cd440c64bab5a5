/** A chart drawn by the lazily loaded chart module once the page's fonts are ready. */
import { useEffect, useRef, useState } from 'preact/hooks';

type ChartModule = typeof import('../charts/echarts.js');

let loading: Promise<ChartModule> | undefined;

/** Load the chart chunk once. */
function chartModule(): Promise<ChartModule> {
  loading ??= Promise.all([import('../charts/echarts.js'), document.fonts.ready]).then(([m]) => m);
  return loading;
}

/** An element that `draw` fills once the chart module has loaded; redrawn when `data` changes. */
export function Chart<T>(props: { data: T; draw: (m: ChartModule, el: HTMLElement, data: T) => () => void; label: string; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  const { data, draw } = props;
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let live = true;
    chartModule().then((m) => {
      if (live && ref.current) dispose = draw(m, ref.current, data);
    }, (err: unknown) => setFailed(String(err)));
    return () => {
      live = false;
      dispose?.();
    };
  }, [data, draw]);
  return (
    <figure class="chart">
      <figcaption>{props.label}</figcaption>
      {failed ? <div class="error">The chart cannot be drawn: {failed}</div> : null}
      <div ref={ref} class="chart-canvas" style={{ height: `${props.height ?? 280}px` }} role="img" aria-label={props.label} data-testid={props.testId} />
    </figure>
  );
}
