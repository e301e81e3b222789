/**
 * Runs once before the real-n8n suites: builds and packs the package, so that each test file
 * installs the same tarball instead of building its own.
 */
import { packPackage } from './packageInstall';

export default function globalSetup(): void {
	packPackage();
}
