import { t, useLang } from '../i18n';
export interface StageGraph {
  stages: { name: string; label: string }[];
  transitions: [string, string][];
}

const NODE_W = 118;
const NODE_H = 34;
const GAP_X = 44;
const GAP_Y = 18;

/** Columns by distance from the first stage, so the main path reads left to right. */
function layout(graph: StageGraph) {
  const rank = new Map<string, number>([[graph.stages[0].name, 0]]);
  const queue = [graph.stages[0].name];
  while (queue.length) {
    const from = queue.shift()!;
    for (const [a, b] of graph.transitions) {
      if (a === from && !rank.has(b)) {
        rank.set(b, rank.get(from)! + 1);
        queue.push(b);
      }
    }
  }
  const rows = new Map<number, number>();
  const position = new Map<string, { x: number; y: number }>();
  for (const { name } of graph.stages) {
    const column = rank.get(name) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    position.set(name, { x: 10 + column * (NODE_W + GAP_X), y: 10 + row * (NODE_H + GAP_Y) });
  }
  const width = 20 + (Math.max(...rank.values()) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = 20 + Math.max(...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;
  return { position, width, height };
}

/** The process's stages as a graph: the current stage filled, the path taken marked. */
export function StageDiagram({ graph, current, path }: { graph: StageGraph; current: string; path: string[] }) {
  const { position, width, height } = layout(graph);
  const taken = new Set(path.slice(1).map((stage, i) => `${path[i]}>${stage}`));
  const visited = new Set(path);
  const lang = useLang();
  const labelOf = (name: string) => graph.stages.find((s) => s.name === name)?.label ?? name;
  // The diagram in words, for screen readers and for anyone who cannot read the drawing.
  const summary = t(lang, 'diagramSummary', { now: labelOf(current), path: path.map(labelOf).join(' → ') });
  return (
    <figure class="diagram">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} data-testid="stage-diagram">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#8a949e" />
          </marker>
        </defs>
        {graph.transitions.map(([from, to]) => {
          const a = position.get(from)!;
          const b = position.get(to)!;
          const forward = b.x > a.x;
          const x1 = forward ? a.x + NODE_W : a.x + NODE_W / 2;
          const y1 = forward ? a.y + NODE_H / 2 : a.y + (b.y >= a.y ? NODE_H : 0);
          const x2 = forward ? b.x : b.x + NODE_W / 2;
          const y2 = forward ? b.y + NODE_H / 2 : b.y + (b.y >= a.y ? 0 : NODE_H);
          const bend = forward ? '' : ` Q ${(x1 + x2) / 2} ${(y1 + y2) / 2 + (b.y === a.y ? 26 : 0)}`;
          const on = taken.has(`${from}>${to}`);
          return (
            <path
              d={bend ? `M ${x1} ${y1}${bend} ${x2} ${y2}` : `M ${x1} ${y1} L ${x2} ${y2}`}
              fill="none"
              stroke={on ? '#b71c1c' : '#c3c9cf'}
              stroke-width={on ? 2.5 : 1.2}
              marker-end="url(#arrow)"
            />
          );
        })}
        {graph.stages.map(({ name, label }) => {
          const { x, y } = position.get(name)!;
          const isCurrent = name === current;
          return (
            <g data-stage={name} data-state={isCurrent ? 'current' : visited.has(name) ? 'visited' : 'not-visited'}>
              <rect
                x={x}
                y={y}
                width={NODE_W}
                height={NODE_H}
                rx="6"
                fill={isCurrent ? '#b71c1c' : visited.has(name) ? '#fdecea' : '#fff'}
                stroke={visited.has(name) ? '#b71c1c' : '#c3c9cf'}
              />
              <text x={x + NODE_W / 2} y={y + NODE_H / 2 + 4} text-anchor="middle" fill={isCurrent ? '#fff' : '#1f2933'}>
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="visually-hidden" data-testid="diagram-text">
        {summary}
        <ol>
          {graph.stages.map(({ name, label }) => (
            <li>
              {label}：
              {name === current ? t(lang, 'stageCurrent') : visited.has(name) ? t(lang, 'stageVisited') : t(lang, 'stageNotVisited')}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
