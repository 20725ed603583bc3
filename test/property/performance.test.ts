import { test } from "node:test";
import { assertInCi, nameOf } from "./properties";

for (const id of ["time"]) test(nameOf(id), () => assertInCi(id));
