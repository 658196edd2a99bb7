/** Field decorators for the form's many yes/no questions. */
import { Field } from 'type-graphql';

/** A non-null Boolean field with its description. */
export const YesNo = (description: string): PropertyDecorator => Field(() => Boolean, { description }) as PropertyDecorator;
