import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from './errors';
import { markNotSent } from './failureKinds';
import { parameterReader } from './parameters';
import { describeState, formatTimeOfDay, parseTimeOfDay, windowState } from './sendingWindow';
import type { SendingWindow, WindowState } from './sendingWindow';
import { isoInZone, knownTimeZone } from './zonedTime';

/**
 * Options → Quiet Hours, offered by every send of both nodes. Off unless added. n8n stores
 * no field that equals its default, so a window kept at 08:00–21:00 Asia/Shanghai arrives
 * as `{ window: {} }`: the reader fills in the same defaults.
 */
export const quietHoursOption: INodeProperties = {
	displayName: 'Quiet Hours',
	name: 'quietHours',
	type: 'fixedCollection',
	typeOptions: { multipleValues: false },
	default: { window: {} },
	placeholder: 'Add Sending Window',
	description:
		'Send only between two times of day. Outside them nothing is sent: each item fails with the time sending opens (error.opensAt), which a Wait node can wait for.',
	options: [
		{
			displayName: 'Sending Window',
			name: 'window',
			values: [
				{
					displayName: 'Send From',
					name: 'sendFrom',
					type: 'string',
					default: '08:00',
					placeholder: 'e.g. 08:00',
					description: 'When sending opens each day: a 24-hour time, HH:MM',
				},
				{
					displayName: 'Send Until',
					name: 'sendUntil',
					type: 'string',
					default: '21:00',
					placeholder: 'e.g. 21:00',
					description: 'When sending closes, HH:MM. Earlier than Send From for a window across midnight, e.g. 22:00 to 06:00.',
				},
				{
					displayName: 'Time Zone',
					name: 'timeZone',
					type: 'string',
					default: 'Asia/Shanghai',
					placeholder: 'e.g. Asia/Shanghai',
					description: 'The IANA time zone of both times, e.g. Asia/Shanghai, Europe/London or America/New_York',
				},
			],
		},
	],
};

/** The window's fields as declared: what n8n leaves out of a stored window. */
const DEFAULTS = Object.fromEntries(
	(quietHoursOption.options as Array<{ values: INodeProperties[] }>)[0].values.map((field) => [field.name, field.default as string]),
) as { sendFrom: string; sendUntil: string; timeZone: string };

interface Setting {
	/** The three fields as read, to tell whether the next item has the same setting. */
	key: string;
	window?: SendingWindow;
	state?: WindowState;
	/** Why the setting is refused: the field and the problem, and how to fix it. */
	refused?: { field: string; problem: string; fix: string };
	/** Dry Run: what a preview shows of the window, made once for the items that share it. */
	shown?: IDataObject;
}

/**
 * The runner's gate for Quiet Hours. Every item of a run is judged at one instant, given by
 * the runner: judged one by one, items of one run could fall on both sides of the window's
 * edge, and a bulk send combines items into shared calls. The option is read per
 * item, so an expression can give each recipient their own time zone; the window is worked
 * out again only when an item's setting differs from the item before (a bulk send has
 * 100,000 items, mostly with one setting).
 */
export class QuietHours {
	private readonly readOptions: (itemIndex: number) => { quietHours?: { window?: unknown } };
	private last: Setting | undefined;
	/** Dry Run only: each item's setting, for its preview. */
	private readonly settings = new Map<number, Setting>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly now: number,
		private readonly dryRun: boolean,
	) {
		this.readOptions = parameterReader(ctx, 'options', {});
	}

	/**
	 * Refuses a bad setting; outside the window holds the item back (throws), unless this is
	 * a Dry Run, whose preview shows the window instead. Called before anything is sent.
	 */
	check(itemIndex: number): void {
		const raw = this.readOptions(itemIndex).quietHours?.window;
		if (raw === undefined || raw === null) return;
		const setting = this.settingOf(raw);
		const node = this.ctx.getNode();
		if (setting.refused) {
			const { field, problem, fix } = setting.refused;
			throw invalidInput(node, itemIndex, `Quiet Hours → ${field}`, problem, fix);
		}
		const { window, state } = setting as Required<Setting>;
		if (this.dryRun) this.settings.set(itemIndex, setting);
		else if (!state.open) throw heldError(node, itemIndex, window, state, this.now);
	}

	/** Dry Run: the item's preview with its window, when it has one. */
	addTo(preview: IDataObject, itemIndex: number): IDataObject {
		const setting = this.settings.get(itemIndex);
		if (!setting) return preview;
		setting.shown ??= shownWindow(setting.window!, setting.state!, this.now);
		return { ...preview, quietHours: { ...setting.shown } };
	}

	private settingOf(raw: unknown): Setting {
		const fields = { ...DEFAULTS, ...(typeof raw === 'object' ? (raw as IDataObject) : {}) };
		const key = JSON.stringify([fields.sendFrom, fields.sendUntil, fields.timeZone]);
		if (this.last?.key !== key) this.last = { key, ...readSetting(fields, this.now) };
		return this.last;
	}
}

function shownWindow(window: SendingWindow, state: WindowState, now: number): IDataObject {
	return {
		open: state.open,
		...(state.open ? { closesAt: isoInZone(state.closesAt, window.timeZone) } : { opensAt: isoInZone(state.opensAt, window.timeZone) }),
		sendFrom: formatTimeOfDay(window.from),
		sendUntil: formatTimeOfDay(window.until),
		timeZone: window.timeZone,
		summary: describeState(window, state, now),
	};
}

function readSetting(fields: IDataObject, now: number): Omit<Setting, 'key'> {
	const from = readTime(fields.sendFrom, 'Send From', DEFAULTS.sendFrom);
	if ('refused' in from) return from;
	const until = readTime(fields.sendUntil, 'Send Until', DEFAULTS.sendUntil);
	if ('refused' in until) return until;
	if (from.minutes === until.minutes) {
		return {
			refused: {
				field: 'Send Until',
				problem: `is the same time as Send From (${formatTimeOfDay(from.minutes)}), so the window has no length`,
				fix: 'Set Send Until to when sending closes, e.g. 08:00 to 21:00 for the day or 22:00 to 06:00 overnight. To send at any time, remove the Quiet Hours option.',
			},
		};
	}
	const zoneText = typeof fields.timeZone === 'string' ? fields.timeZone.trim() : '';
	const timeZone = zoneText === '' ? undefined : knownTimeZone(zoneText);
	if (!timeZone) {
		return {
			refused: {
				field: 'Time Zone',
				problem: zoneText === '' ? 'is empty' : `"${String(fields.timeZone)}" is not a known IANA time zone`,
				fix: `Enter an IANA time zone name, e.g. ${DEFAULTS.timeZone}, Europe/London or America/New_York (the TZ identifiers of the tz database).`,
			},
		};
	}
	const window = { from: from.minutes, until: until.minutes, timeZone };
	return { window, state: windowState(window, now) };
}

function readTime(value: unknown, field: string, example: string): { minutes: number } | { refused: NonNullable<Setting['refused']> } {
	const text = typeof value === 'string' ? value.replace(/：/g, ':') : undefined;
	const minutes = text === undefined ? undefined : parseTimeOfDay(text);
	if (minutes !== undefined) return { minutes };
	const problem = text === undefined ? 'must be text, a time such as "08:00"' : text.trim() === '' ? 'is empty' : `"${text}" is not a time of day as HH:MM`;
	return { refused: { field, problem, fix: `Enter a 24-hour time as HH:MM, e.g. ${example} (00:00 to 23:59).` } };
}

/**
 * An item held back outside the window. `opensAt` is kept in the error's context, so a
 * Continue On Fail item carries it as `error.opensAt` for a Wait node (see failedItem.ts).
 */
function heldError(node: INode, itemIndex: number, window: SendingWindow, state: WindowState & { open: false }, now: number): NodeOperationError {
	const opensAt = isoInZone(state.opensAt, window.timeZone);
	const hours = `${formatTimeOfDay(window.from)}–${formatTimeOfDay(window.until)} ${window.timeZone}`;
	const error = new NodeOperationError(node, `Item ${itemIndex}: not sent outside Quiet Hours (${hours}); sending opens at ${opensAt}`, {
		itemIndex,
		description: `${describeState(window, state, now)} Nothing was sent. To send then, set On Error to Continue and pass the item through a Wait node (Resume: At Specified Time, Date and Time: {{ $json.error.opensAt }}) to this node again, or run the workflow after that time.`,
	});
	error.context = { ...error.context, opensAt };
	return markNotSent(error);
}
