/** A page of areas. */
import { Connection } from '../../graphql/connection.js';
import { Area } from './area.type.js';

export const AreaConnection = Connection(Area, 'Area', 'area');
