// tsc compiles TypeScript only; n8n also needs each node's icons and codex (*.node.json)
// beside the built node file, so this task copies them into dist/ with the same layout.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
