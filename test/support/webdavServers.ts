import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { makeTempDir } from './tempDir';

/**
 * Real WebDAV servers from Debian's packages, serving a folder read-only on 127.0.0.1, for tests of
 * the Tickoweb client and mirror. Each one gets its own temp config, pid file, temp and log paths
 * and a free port; system config and port 80 are never touched. Missing binaries fail loudly:
 * `.ci/run` installs nginx, libnginx-mod-http-dav-ext and apache2.
 *
 * Every request is written to an access log in a temp file, so tests can count what a sync cost.
 */

export interface DavServerOptions {
  /** HTTP Basic auth in front of the served folder. */
  auth?: { username: string; password: string };
}

export interface LoggedRequest {
  method: string;
  /** As sent, percent-encoded. */
  uri: string;
  status: number;
}

export interface DavServer {
  kind: 'nginx' | 'apache';
  /** The served folder's URL, ending with '/': http://127.0.0.1:PORT/dav/ */
  url: string;
  /** The requests served since the start or the last `resetRequests()` (the log's own marker requests left out). */
  requests(): Promise<LoggedRequest[]>;
  /** How many requests with this method (PROPFIND, GET, …) were served since the start or the last reset. */
  count(method: string): Promise<number>;
  /** Requests counted from now on only. */
  resetRequests(): Promise<void>;
  stop(): Promise<void>;
}

const nginxBinary = '/usr/sbin/nginx';
const nginxDavModule = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';
const apacheBinary = '/usr/sbin/apache2';
const apacheModules = '/usr/lib/apache2/modules';
const markerPrefix = '/__wristdesk_log_marker__/';
const startTimeoutMs = 10_000;

/** nginx 1.22 + ngx_http_dav_ext (PROPFIND Depth 1; no getetag in listings; Depth infinity refused). */
export async function startNginxDav(dir: string, options: DavServerOptions = {}): Promise<DavServer> {
  requireFile(nginxBinary, 'nginx', 'nginx');
  requireFile(nginxDavModule, 'the nginx WebDAV extension module', 'libnginx-mod-http-dav-ext');
  const served = prepareServedFolder(dir);
  return startWithRetries('nginx', (port, work) => {
    const authLines =
      options.auth === undefined
        ? ''
        : `auth_basic "wristdesk-test"; auth_basic_user_file ${writePasswordFile(work, options.auth)};`;
    const config = `
load_module ${nginxDavModule};
${isRoot() ? 'user nobody nogroup;' : ''}
daemon off;
master_process on;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'error.log')} warn;
events { worker_connections 256; }
http {
  types { application/json json; }
  default_type application/octet-stream;
  log_format wristdesk '$request_method $status $request';
  access_log ${join(work, 'access.log')} wristdesk;
  client_body_temp_path ${workerDir(work, 'client_body')};
  proxy_temp_path ${workerDir(work, 'proxy')};
  fastcgi_temp_path ${workerDir(work, 'fastcgi')};
  uwsgi_temp_path ${workerDir(work, 'uwsgi')};
  scgi_temp_path ${workerDir(work, 'scgi')};
  keepalive_requests 10000;
  server {
    listen 127.0.0.1:${port};
    server_name 127.0.0.1;
    location /dav/ {
      alias ${served}/;
      dav_ext_methods PROPFIND OPTIONS;
      ${authLines}
    }
    location / { return 404; }
  }
}
`;
    const file = join(work, 'nginx.conf');
    writeFileSync(file, config);
    // -e: the error log before the config is read (nginx ≥ 1.19.5), so the default log is never opened.
    return { command: nginxBinary, args: ['-p', work, '-c', file, '-e', join(work, 'error.log')] };
  });
}

/** Apache 2.4 + mod_dav_fs (PROPFIND Depth 1, getetag on files and folders; Depth infinity refused). */
export async function startApacheDav(dir: string, options: DavServerOptions = {}): Promise<DavServer> {
  requireFile(apacheBinary, 'Apache', 'apache2');
  for (const module of ['mod_mpm_event', 'mod_dav', 'mod_dav_fs', 'mod_alias', 'mod_mime', 'mod_authz_core']) {
    requireFile(join(apacheModules, `${module}.so`), `Apache's ${module}`, 'apache2');
  }
  const served = prepareServedFolder(dir);
  return startWithRetries('apache', (port, work) => {
    const lockDir = workerDir(work, 'davlock');
    const access =
      options.auth === undefined
        ? 'Require all granted'
        : `AuthType Basic
    AuthName "wristdesk-test"
    AuthBasicProvider file
    AuthUserFile ${writePasswordFile(work, options.auth)}
    Require valid-user`;
    const authModules = options.auth === undefined ? [] : ['auth_basic', 'authn_core', 'authn_file', 'authz_user'];
    // mod_log_config is compiled into Debian's apache2.
    const modules = ['mpm_event', 'authz_core', 'dav', 'dav_fs', 'alias', 'mime', ...authModules];
    writeFileSync(join(work, 'mime.types'), 'application/json json\n');
    const config = `
ServerRoot ${work}
${modules.map((name) => `LoadModule ${name}_module ${apacheModules}/mod_${name}.so`).join('\n')}
${isRoot() ? 'User nobody\nGroup nogroup' : ''}
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
PidFile ${join(work, 'apache.pid')}
DefaultRuntimeDir ${work}
ErrorLog ${join(work, 'error.log')}
LogLevel warn
LogFormat "%m %>s %r" wristdesk
CustomLog ${join(work, 'access.log')} wristdesk
TypesConfig ${join(work, 'mime.types')}
StartServers 1
ServerLimit 2
ThreadsPerChild 32
MaxRequestWorkers 64
KeepAlive On
MaxKeepAliveRequests 0
DAVLockDB ${join(lockDir, 'DAVLock')}
Alias /dav ${served}
<Directory />
  Require all denied
</Directory>
<Directory ${served}>
  Dav On
  <LimitExcept GET HEAD OPTIONS PROPFIND>
    Require all denied
  </LimitExcept>
  ${access}
</Directory>
`;
    const file = join(work, 'apache2.conf');
    writeFileSync(file, config);
    return { command: apacheBinary, args: ['-d', work, '-f', file, '-DFOREGROUND'] };
  });
}

type Launch = (port: number, work: string) => { command: string; args: string[] };

async function startWithRetries(kind: DavServer['kind'], launch: Launch): Promise<DavServer> {
  let lastError: unknown;
  // A free port can be taken between asking and binding: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await start(kind, launch);
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error) || !/address already in use/i.test(error.message)) throw error;
    }
  }
  throw lastError;
}

async function start(kind: DavServer['kind'], launch: Launch): Promise<DavServer> {
  const temp = makeTempDir(`wristdesk-${kind}-`);
  const work = temp.path;
  chmodSync(work, 0o755);
  const port = await freePort();
  const { command, args } = launch(port, work);
  const accessLog = join(work, 'access.log');
  const errorLog = join(work, 'error.log');
  let output = '';
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const state = { running: true };
  void exited.then(() => (state.running = false));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const origin = `http://127.0.0.1:${port}`;
  const describe = () => `${output}\n${readIfExists(errorLog)}`.trim();
  try {
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (!state.running) throw new Error(`${kind} exited while starting (${command} ${args.join(' ')}):\n${describe()}`);
      if (await answers(`${origin}${markerPrefix}ready`)) break;
      if (Date.now() > deadline) throw new Error(`${kind} did not answer within ${startTimeoutMs} ms:\n${describe()}`);
      await delay(25);
    }
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    temp.remove();
    throw error;
  }

  let skip = 0;
  let markers = 0;
  const readLog = async (): Promise<LoggedRequest[]> => {
    // The log line of a request is written just after its answer: a marker request that shows up
    // in the log proves that every request answered before it is there too.
    const marker = `${markerPrefix}${++markers}`;
    await answers(origin + marker);
    const deadline = Date.now() + 5_000;
    for (;;) {
      const lines = readIfExists(accessLog).split('\n');
      if (lines.some((line) => line.includes(` ${marker} `))) {
        return lines
          .filter((line) => line.trim() !== '')
          .map(parseLogLine)
          .filter((entry) => !entry.uri.startsWith(markerPrefix));
      }
      if (Date.now() > deadline) throw new Error(`${kind} did not log the marker request ${marker}`);
      await delay(5);
    }
  };

  return {
    kind,
    url: `${origin}/dav/`,
    requests: async () => (await readLog()).slice(skip),
    count: async (method) => (await readLog()).slice(skip).filter((entry) => entry.method === method.toUpperCase()).length,
    resetRequests: async () => {
      skip = (await readLog()).length;
    },
    stop: async () => {
      if (state.running) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', killOnExit);
      temp.remove();
    },
  };
}

function parseLogLine(line: string): LoggedRequest {
  // "METHOD STATUS METHOD URI PROTOCOL" in both servers' formats.
  const [method = '', status = '0', , uri = ''] = line.split(' ');
  return { method, uri, status: Number(status) };
}

/** A GET to the server; true when anything answered (a 404 is an answer). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

function requireFile(path: string, what: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${what} is not installed (${path} is missing): the WebDAV tests need real servers. ` +
        `Install the Debian package ${debianPackage} (.ci/run does: apt-get install -y nginx libnginx-mod-http-dav-ext apache2).`,
    );
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Run as root, both servers serve as `nobody` (Apache refuses to serve as root): the folder must
 * be readable by others and every folder above it passable. Temp folders are made 0700, so the
 * served folder and those of its parents that we own get o+rx / o+x. Files written with the usual
 * umask (0644) are then readable. chmod leaves modification times alone.
 */
function prepareServedFolder(dir: string): string {
  const served = resolve(dir);
  const stat = statSync(served);
  if (!stat.isDirectory()) throw new Error(`${served} is not a folder`);
  if (!isRoot()) return served;
  chmodSync(served, stat.mode | 0o005);
  for (let parent = dirname(served); parent !== dirname(parent); parent = dirname(parent)) {
    const parentStat = statSync(parent);
    if ((parentStat.mode & 0o001) === 0 && parentStat.uid === process.getuid?.()) chmodSync(parent, parentStat.mode | 0o001);
  }
  return served;
}

/** A folder the server's workers (nobody, when run as root) may write to. */
function workerDir(work: string, name: string): string {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  if (isRoot()) chownSync(path, 65534, 65534);
  return path;
}

/**
 * An htpasswd file with a {SHA} entry, which nginx and Apache both read; no openssl or htpasswd
 * binary needed. (Unsalted SHA-1: fine for a throwaway test server, never for a real one.)
 */
function writePasswordFile(work: string, auth: { username: string; password: string }): string {
  if (/[:\n]/.test(auth.username)) throw new Error('A test user name cannot contain ":" or a newline');
  const hash = createHash('sha1').update(auth.password, 'utf8').digest('base64');
  const path = join(work, 'htpasswd');
  writeFileSync(path, `${auth.username}:{SHA}${hash}\n`, { mode: 0o644 });
  accessSync(path, constants.R_OK);
  return path;
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

