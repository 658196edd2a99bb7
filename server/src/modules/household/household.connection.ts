/** A page of households. */
import { Connection } from '../../graphql/connection.js';
import { Household } from './household.type.js';

export const HouseholdConnection = Connection(Household, 'Household', 'household');
