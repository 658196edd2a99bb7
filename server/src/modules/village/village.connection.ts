/** A page of villages. */
import { Connection } from '../../graphql/connection.js';
import { Village } from './village.type.js';

export const VillageConnection = Connection(Village, 'Village', 'village');
