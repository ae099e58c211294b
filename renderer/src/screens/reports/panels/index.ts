/**
 * The case-study / story editor's panels, each `(props: PanelProps)`: the editor page renders
 * them as tabs. RatingsMatrix also serves the list screen and the MTR summary.
 */
export { ConsentPanel } from './ConsentPanel';
export { EvaluationPanel } from './EvaluationPanel';
export { FiguresPanel } from './FiguresPanel';
export { PhotosPanel } from './PhotosPanel';
export { RatingsMatrix, type MatrixRecord, type Ratings } from './RatingsMatrix';
export { SourcesPanel } from './SourcesPanel';
export { ratingColor, ratingFieldName, ratingLevelName, sectionName } from './ratingText';
export type { PanelProps } from './types';
