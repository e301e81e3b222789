/**
 * At most `limit` requests in flight. When a slot frees, the waiting request of the lowest
 * item index takes it: without paced items this is plain item order, and an item that waited
 * out its number's second goes at the next free slot instead of behind every later item.
 */
export class RequestSlots {
	private active = 0;

	/** A binary min-heap on item index. */
	private readonly waiting: Array<{ itemIndex: number; start: () => void }> = [];

	constructor(private readonly limit: number) {}

	async run<T>(itemIndex: number, request: () => Promise<T>): Promise<T> {
		if (this.active >= this.limit) {
			await new Promise<void>((start) => this.push({ itemIndex, start }));
		} else {
			this.active++;
		}
		try {
			return await request();
		} finally {
			// The slot passes straight to the next waiting request, or is given back.
			const next = this.pop();
			if (next) next.start();
			else this.active--;
		}
	}

	private push(entry: { itemIndex: number; start: () => void }): void {
		const heap = this.waiting;
		heap.push(entry);
		for (let i = heap.length - 1; i > 0; ) {
			const parent = (i - 1) >> 1;
			if (heap[parent].itemIndex <= heap[i].itemIndex) break;
			[heap[parent], heap[i]] = [heap[i], heap[parent]];
			i = parent;
		}
	}

	private pop(): { itemIndex: number; start: () => void } | undefined {
		const heap = this.waiting;
		const top = heap[0];
		const last = heap.pop();
		if (heap.length === 0 || !last) return top;
		heap[0] = last;
		for (let i = 0; ; ) {
			const left = 2 * i + 1;
			const right = left + 1;
			let smallest = i;
			if (left < heap.length && heap[left].itemIndex < heap[smallest].itemIndex) smallest = left;
			if (right < heap.length && heap[right].itemIndex < heap[smallest].itemIndex) smallest = right;
			if (smallest === i) break;
			[heap[smallest], heap[i]] = [heap[i], heap[smallest]];
			i = smallest;
		}
		return top;
	}
}
