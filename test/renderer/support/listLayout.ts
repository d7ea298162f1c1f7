/**
 * happy-dom does no layout, so a virtual list would see a 0px viewport and render nothing.
 * This gives elements with `data-testid` = `testId` what a browser would: a viewport height,
 * a scroll height (the height set on their first child), and a `scroll` event when scrolled
 * by script. Every other element keeps happy-dom's behaviour. Returns a function that undoes it.
 */
export function emulateListLayout(testId: string, viewportHeightPx: number): () => void {
  const prototype = HTMLElement.prototype;
  const names = ['clientHeight', 'scrollHeight', 'scroll'] as const;
  const ownBefore = names.map((name) => [name, Object.getOwnPropertyDescriptor(prototype, name)] as const);
  // A copy of the prototype as it was, to reach the original getters and methods.
  const original = Object.create(Object.getPrototypeOf(prototype) as object, Object.getOwnPropertyDescriptors(prototype)) as object;
  const isList = (element: HTMLElement) => element.dataset.testid === testId;

  Object.defineProperty(prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement): number {
      return isList(this) ? viewportHeightPx : (Reflect.get(original, 'clientHeight', this) as number);
    },
  });
  Object.defineProperty(prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement): number {
      if (!isList(this)) return Reflect.get(original, 'scrollHeight', this) as number;
      const content = this.firstElementChild;
      return content instanceof HTMLElement ? Number.parseFloat(content.style.height) || 0 : 0;
    },
  });
  Object.defineProperty(prototype, 'scroll', {
    configurable: true,
    writable: true,
    value(this: HTMLElement, ...args: unknown[]): void {
      Reflect.apply(Reflect.get(original, 'scroll') as (...scrollArgs: unknown[]) => void, this, args);
      if (isList(this)) this.dispatchEvent(new Event('scroll'));
    },
  });

  return () => {
    for (const [name, descriptor] of ownBefore) {
      if (descriptor === undefined) Reflect.deleteProperty(prototype, name);
      else Object.defineProperty(prototype, name, descriptor);
    }
  };
}
