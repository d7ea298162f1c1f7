export { VenueManagerSimulator } from './VenueManagerSimulator';
export type { RecordedRequest, VenueManagerSimulatorOptions } from './VenueManagerSimulator';
export type { SimulatorAuth } from './SimulatorAuth';
export type { ErrorBodyStyle } from './ResponseBodies';
export type { StoredComment } from './SimulatorStore';
export { documentedErrors } from './SimulatorRules';
export type { DocumentedError } from './SimulatorRules';
export { NOT_INVALIDATED } from './SimulatorData';
export type {
  SimulatorAddress,
  SimulatorCustomer,
  SimulatorDigitalProduct,
  SimulatorEvent,
  SimulatorHistoryOrder,
  SimulatorOrder,
  SimulatorProductHistory,
  SimulatorToken,
  VenueTimeString,
} from './SimulatorData';
export { documentedCustomer, generateDemoData, pickSampleWristbands } from './DemoData';
export type { DemoDataOptions, SampleWristband, SampleWristbandKind } from './DemoData';
export { readRequestBody, RequestBodyTooLarge } from './readRequestBody';
export { SeededRandom } from './SeededRandom';
