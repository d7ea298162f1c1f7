export { demoTickowebTree, folderTimesOf } from './DemoTickowebTree';
export type { DemoDavTree, DemoFile, DemoOrderStatus, DemoTickowebOptions, DemoTickowebOrder, DemoTickowebTree } from './DemoTickowebTree';
export { DemoWebdavServer } from './DemoWebdavServer';
export type { DemoDavRequest, DemoWebdavServerOptions } from './DemoWebdavServer';
export { startDemoTickoweb } from './startDemoTickoweb';
export type { StartDemoTickowebOptions } from './startDemoTickoweb';
