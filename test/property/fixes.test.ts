import { test } from "node:test";
import { assertInCi, nameOf } from "./properties";

for (const id of ["fix-all"]) test(nameOf(id), () => assertInCi(id));
