import { makeStyles, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  chart: { width: "100%", maxWidth: "560px", height: "auto" },
  bar: { fill: tokens.colorBrandBackground },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
});

/**
 * The pulse score over time: one bar per pulse retro (1 to 5). The picture is decorative for
 * screen readers, which get the same numbers as a list.
 */
export function PulseChart({
  points,
}: {
  points: { id: string; date: string; average: number; count: number }[];
}) {
  const styles = useStyles();
  if (points.length === 0) {
    return (
      <Text>
        No pulse checks yet. Start a monthly pulse to see how the community feels over time.
      </Text>
    );
  }
  const width = 560;
  const height = 180;
  const left = 24;
  const bottom = 24;
  const slot = (width - left) / points.length;
  const barWidth = Math.min(40, slot * 0.6);
  const y = (score: number) => height - bottom - (score / 5) * (height - bottom - 8);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        data-testid="pulse-chart"
      >
        {[1, 2, 3, 4, 5].map((score) => (
          <text key={score} x={4} y={y(score) + 4} className={styles.label}>
            {score}
          </text>
        ))}
        <line
          x1={left}
          x2={width}
          y1={height - bottom}
          y2={height - bottom}
          className={styles.axis}
        />
        {points.map((point, index) => {
          const x = left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={point.id}>
              <rect
                x={x}
                y={y(point.average)}
                width={barWidth}
                height={height - bottom - y(point.average)}
                className={styles.bar}
              />
              <text x={x} y={height - 8} className={styles.label}>
                {point.date.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul aria-label="Pulse score by month">
          {points.map((point) => (
            <li key={point.id}>
              {point.date}: {point.average.toFixed(1)} out of 5 ({point.count}{" "}
              {point.count === 1 ? "score" : "scores"})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
