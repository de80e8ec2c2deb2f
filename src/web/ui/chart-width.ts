/**
 * The drawing width of a chart in CSS pixels, measured from the page, so that charts draw at 1:1
 * and their text stays readable from phone width to a wide screen.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const DEFAULT_CHART_WIDTH = 640;
const MIN_CARD_WIDTH = 640;
const GRID_GAP = 16;
/** Card padding and border on both sides. */
const CARD_INSET = 26;
const MIN_WIDTH = 300;

export const ChartWidthContext = createContext(DEFAULT_CHART_WIDTH);

export function useChartWidth(): number {
  return useContext(ChartWidthContext);
}

/** The width each card of the views grid gives its chart, for a grid `gridWidth` pixels wide. */
export function chartWidthFor(gridWidth: number): number {
  const columns = Math.max(1, Math.floor((gridWidth + GRID_GAP) / (Math.min(MIN_CARD_WIDTH, gridWidth) + GRID_GAP)));
  return Math.max(MIN_WIDTH, Math.floor((gridWidth - (columns - 1) * GRID_GAP) / columns) - CARD_INSET);
}
