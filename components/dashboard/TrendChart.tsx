'use client';
import { Box, Small, Text } from '@bigcommerce/big-design';
import NextLink from 'next/link';

/**
 * A small SVG chart of one figure per day: bars for counts, a line for levels (gaps where a day
 * has no value). The figures are also in the title of each mark and in an accessible summary.
 */
export interface TrendChartProps {
  title: string;
  /** "YYYY-MM-DD", oldest first. */
  days: string[];
  values: Array<number | null>;
  kind: 'bar' | 'line';
  color: string;
  /** Formats a value for labels (default: the number). */
  format?: (value: number) => string;
  /** Where the list behind the figure is. */
  href?: string;
}

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { top: 14, right: 6, bottom: 18, left: 6 };

export function TrendChart({ title, days, values, kind, color, format = String, href }: TrendChartProps) {
  const present = values.filter((v): v is number => v !== null);
  const max = Math.max(1, ...present);
  const total = present.reduce((sum, v) => sum + v, 0);
  const latest = values[values.length - 1] ?? null;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const summary = `${title}, last ${days.length} days: ${days.map((d, i) => `${shortDay(d)} ${values[i] === null ? 'no data' : format(values[i] ?? 0)}`).join(', ')}`;

  const linePath = values
    .map((v, i) => (v === null ? null : `${i > 0 && values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');

  const heading = (
    <Text bold marginBottom="none">
      {title}
    </Text>
  );
  return (
    <Box backgroundColor="white" shadow="raised" padding="medium" borderRadius="normal">
      <Box marginBottom="xSmall">
        {href ? (
          <NextLink href={href} style={{ textDecoration: 'none' }}>
            {heading}
          </NextLink>
        ) : (
          heading
        )}
        <Small marginBottom="none">
          {kind === 'bar' ? `${format(total)} in ${days.length} days · today ${latest === null ? '–' : format(latest)}` : present.length
              ? `worst ${format(Math.max(...present))} · today ${latest === null ? 'no run' : format(latest)}`
              : 'no good run recorded'}
        </Small>
      </Box>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary} style={{ display: 'block' }}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#D9DCE9" />
        {present.some((v) => v > 0) ? (
          <text x={WIDTH - PAD.right} y={PAD.top - 4} textAnchor="end" fontSize="9" fill="#5E637A">
            max {format(max)}
          </text>
        ) : (
          <text x={WIDTH / 2} y={PAD.top + plotH / 2} textAnchor="middle" fontSize="11" fill="#8C93AD">
            {kind === 'bar' ? `None in the last ${days.length} days` : `No run in the last ${days.length} days`}
          </text>
        )}
        {kind === 'bar'
          ? values.map((v, i) => {
              const h = v ? Math.max(1.5, (v / max) * plotH) : 1;
              return (
                <rect key={days[i]} x={x(i) - step * 0.35} width={step * 0.7} y={PAD.top + plotH - h} height={h} fill={v ? color : '#D9DCE9'} rx={v ? 1.5 : 0}>
                  <title>{`${days[i]}: ${v === null ? 'no data' : format(v)}`}</title>
                </rect>
              );
            })
          : null}
        {kind === 'line' ? (
          <>
            <path d={linePath} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
            {values.map((v, i) =>
              v === null ? null : (
                <circle key={days[i]} cx={x(i)} cy={y(v)} r={2.5} fill={color}>
                  <title>{`${days[i]}: ${format(v)}`}</title>
                </circle>
              ),
            )}
          </>
        ) : null}
        {days.map((d, i) =>
          i === 0 || i === days.length - 1 || i === Math.floor(days.length / 2) ? (
            <text key={d} x={x(i)} y={HEIGHT - 5} textAnchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'} fontSize="9" fill="#5E637A">
              {i === days.length - 1 ? 'today' : shortDay(d)}
            </text>
          ) : null,
        )}
      </svg>
    </Box>
  );
}

function shortDay(date: string): string {
  const [, month, day] = date.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)} ${months[Number(month) - 1] ?? ''}`;
}
