// tsc compiles TypeScript only; n8n also needs each node's icons and codex beside the built
// node file, so this task copies them into dist/ with the same folder layout.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
