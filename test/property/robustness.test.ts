import { test } from "node:test";
import { assertInCi, nameOf } from "./properties";

for (const id of ["unicode", "mutations"]) test(nameOf(id), () => assertInCi(id));
