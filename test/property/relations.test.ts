import { test } from "node:test";
import { assertInCi, nameOf } from "./properties";

for (const id of ["consistent", "broken-figure"]) test(nameOf(id), () => assertInCi(id));
