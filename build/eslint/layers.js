// `layers/imports`: the architecture's import rules as an ESLint rule. The layer table lives in
// eslint.config.js; this file only resolves what an import points at and checks it against the table.
//
// Why a rule of our own rather than `no-restricted-imports`: that rule matches specifier text, and
// `../captions/x` means core/captions from one file and features/captions from another. This rule
// resolves relative specifiers against the importing file, so a layer is a folder, not a spelling.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises` are Node; `@scope/pkg/sub` is the package `@scope/pkg`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isNode = (specifier) => specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier));

/** A repo-relative path without its extension or query: `src-main/core/design/index`. */
function resolveRelative(root, filename, specifier) {
  const clean = specifier.replace(/[?#].*$/, '');
  const absolute = path.resolve(path.dirname(filename), clean);
  return path.relative(root, absolute).split(path.sep).join('/').replace(/\.(d\.ts|tsx?|mts|cts|mjs|cjs|js|jsx)$/, '');
}

const within = (target, folder) => target === folder || target.startsWith(`${folder}/`);

/**
 * Which layer a file belongs to: the most specific `files` folder that holds it. A layer whose folder
 * ends in `/*` is one layer per subfolder (`src-renderer/features/*`: each feature is its own layer).
 */
export function layerOf(layers, relFile) {
  let best = null;
  for (const layer of layers) {
    for (const folder of layer.files) {
      if (folder.endsWith('/*')) {
        const parent = folder.slice(0, -2);
        if (!relFile.startsWith(`${parent}/`)) continue;
        const name = relFile.slice(parent.length + 1).split('/')[0];
        if (!relFile.slice(parent.length + 1).includes('/')) continue; // a file beside the features, not in one
        const own = `${parent}/${name}`;
        if (!best || own.length > best.folder.length) best = { layer, folder: own, label: `${layer.name} '${name}'` };
      } else if (within(relFile.replace(/\.[^./]+$/, ''), folder) || within(relFile, folder)) {
        if (!best || folder.length > best.folder.length) best = { layer, folder, label: layer.name };
      }
    }
  }
  return best;
}

function checkSpecifier(layers, root, filename, specifier, typeOnly) {
  const rel = path.relative(root, filename).split(path.sep).join('/');
  const found = layerOf(layers, rel);
  if (!found) return null;
  const { layer, folder, label } = found;

  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolveRelative(root, filename, specifier);
    if (within(target, folder)) return null;
    if ((layer.may ?? []).some((allowed) => within(target, allowed))) return null;
    const targetLayer = layerOf(layers, target);
    return `${label} may not import ${targetLayer ? targetLayer.label : target} ('${specifier}'): ${layer.why}`;
  }

  const pkg = packageOf(specifier);
  if (isNode(specifier)) {
    return layer.node ? null : `${label} may not import the Node built-in '${specifier}': ${layer.why}`;
  }
  const { allow, deny, types = [] } = layer.packages ?? {};
  if (typeOnly && types.includes(pkg)) return null;
  if (deny && !deny.includes(pkg)) return null;
  if (allow && allow.includes(pkg)) return null;
  return `${label} may not import the package '${pkg}': ${layer.why}`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and packages the architecture allows (eslint.config.js).' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'array' } }, required: ['layers'], additionalProperties: false }],
    messages: {
      layer: '{{problem}}',
      noLayer: '{{file}} is in no layer of the table in eslint.config.js: add its folder there, with what it may import.',
    },
  },
  create(context) {
    const { layers, root = context.cwd } = context.options[0];
    const filename = context.filename;
    const rel = path.relative(root, filename).split(path.sep).join('/');
    if (!layerOf(layers, rel)) return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { file: rel } }) };

    function check(node, source, typeOnly) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return; // a computed specifier is not checked
      const problem = checkSpecifier(layers, root, filename, source.value, typeOnly);
      if (problem) context.report({ node: source, messageId: 'layer', data: { problem } });
    }

    const allTypes = (node) => node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source, allTypes(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument, true),
      TSExternalModuleReference: (node) => check(node, node.expression, false),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, node.arguments[0], false);
      },
    };
  },
};

export default { meta: { name: 'atelier-layers' }, rules: { imports: rule } };
