// Types for the three stream-json 1.x modules the profile streamer uses (the package ships none,
// and no @types package may be added). Only what json-stream.ts touches is declared; the paths
// carry `.js` because stream-json has no "exports" map and plain Node ESM needs the file name.
declare module 'stream-json/Parser.js' {
  import type { TransformOptions } from 'node:stream';
  import { Transform } from 'node:stream';
  export default class Parser extends Transform {
    constructor(options?: TransformOptions & { jsonStreaming?: boolean; packValues?: boolean; streamValues?: boolean });
  }
}

declare module 'stream-json/streamers/StreamArray.js' {
  import { Transform } from 'node:stream';
  export default class StreamArray extends Transform {
    constructor(options?: { objectFilter?: unknown; includeUndecided?: boolean });
  }
}

declare module 'stream-json/filters/Pick.js' {
  import { Transform } from 'node:stream';
  export default class Pick extends Transform {
    constructor(options: {
      filter: string | RegExp | ((stack: readonly (string | number | null)[], chunk: { name: string }) => boolean);
      once?: boolean;
    });
  }
}
