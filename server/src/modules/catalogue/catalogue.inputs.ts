import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class CreateDensityInput {
  @Field(() => ID) @IsString() organizationId: string;
  @Field() @Matches(/^[a-z0-9][a-z0-9.-]{0,80}$/, { message: 'slug: lowercase letters, digits, dots and dashes' }) slug: string;
  @Field({ description: 'Expression over x in [0,1]: numbers, + - * / ^, ( ), sqrt exp log abs min max phi' })
  @IsString() @Length(1, 200) expression: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) label?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}
