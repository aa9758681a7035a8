import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, REQUIRED } from '../platform/config';
import { commandOfScript } from './support/child-process';

/**
 * Docker and Kubernetes do not run on this project's machines: what can be checked here is that the
 * deployment files parse, run the entry points CI runs, and configure them with variables the
 * processes know, the required ones included; and that the operations guide lists every variable.
 */
const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Container {
  command: string[];
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string } }[];
}

const manifests = readdirSync(join(ROOT, 'deploy', 'kubernetes'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((document) => {
      expect(document.errors).toEqual([]);
      return document.toJS() as {
        kind: string;
        metadata?: { name: string };
        data?: Record<string, string>;
        resources?: string[];
        spec?: any;
      };
    }),
  );
const containers = (kind: string, name: string): Container[] => {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  expect(found).toBeDefined();
  return (found!.spec.template?.spec ?? found!.spec.jobTemplate.spec.template.spec).containers;
};
const configMap = manifests.find((m) => m.kind === 'ConfigMap')!;
const variablesOf = (container: Container) => [
  ...(container.env ?? []).map((e) => e.name),
  ...(container.envFrom?.some((from) => from.configMapRef) ? Object.keys(configMap.data ?? {}) : []),
];
/** `tsx api/main.ts` → `node --import tsx api/main.ts`, node itself the process. */
/** What the image runs for an npm script: node with the script's flags, on the entry `npm run build` compiled. */
const nodeCommandOf = (script: string) => {
  const { nodeFlags, entry } = commandOfScript(script);
  return ['node', ...nodeFlags, `dist/server/${entry.replace(/\.ts$/, '.js')}`];
};

describe('the deployment files', () => {
  test('the manifests parse, and the kustomization lists every one of them', () => {
    const kustomization = manifests.find((m) => m.kind === 'Kustomization');
    const files = readdirSync(join(ROOT, 'deploy', 'kubernetes')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect(kustomization?.resources?.slice().sort()).toEqual(files.sort());
    expect(manifests.map((m) => m.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Deployment',
      'Job',
      'Kustomization',
      'Namespace',
      'PodDisruptionBudget',
      'Service',
    ]);
  });

  test('each container runs the entry point of its npm script, with the variables that process requires', () => {
    for (const [kind, name, script, process] of [
      ['Deployment', 'collab-zones-api', 'api', 'api'],
      ['Deployment', 'collab-zones-worker', 'worker', 'worker'],
      ['Job', 'collab-zones-setup', 'setup', 'setup'],
    ] as const) {
      const [container] = containers(kind, name);
      expect(container.command).toEqual(nodeCommandOf(script));
      const variables = variablesOf(container);
      expect(variables.filter((v) => !CONFIG_VARIABLES.includes(v as never))).toEqual([]);
      expect(REQUIRED[process].filter((v) => !variables.includes(v))).toEqual([]);
    }
  });

  test('the image builds what the worker reads, and starts the API with node itself', () => {
    const dockerfile = read('deploy/Dockerfile');
    expect(dockerfile).toContain('RUN npm run build');
    expect(read('scripts/build.ts')).toContain("'dist', 'workflow-bundle.json'");
    expect(dockerfile).toContain('WORKFLOW_BUNDLE=dist/workflow-bundle.json');
    expect(dockerfile).toContain(`CMD ${JSON.stringify(nodeCommandOf('api')).replaceAll(',', ', ')}`);
  });

  test('the operations guide has every variable in its table', () => {
    const guide = read('docs/OPERATIONS.md');
    expect(CONFIG_VARIABLES.filter((name) => !guide.includes(`| \`${name}\``))).toEqual([]);
  });
});
