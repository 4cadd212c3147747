import type { ColumnType } from "kysely";

// Column types shared by the table interfaces: how a value reads, what an insert takes, what an update takes.
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Numeric = ColumnType<number | null, number | null | undefined, number | null>;
export type Json<T> = ColumnType<T, string | undefined, string>;
