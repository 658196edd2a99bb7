import { emitSchema } from './cli/emit-schema.js';
await emitSchema({});
