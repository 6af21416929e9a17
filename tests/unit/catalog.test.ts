import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CURRENCIES, PRODUCTS, findProduct } from "@/lib/checkout/catalog";

const publicDir = fileURLToPath(new URL("../../public/", import.meta.url));

describe("product catalogue", () => {
  it("is not empty", () => {
    expect(PRODUCTS.length).toBeGreaterThan(0);
  });

  it("gives every product a unique id", () => {
    const ids = PRODUCTS.map((product) => product.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PRODUCTS.map((product) => [product.id, product] as const))(
    "%s has an image file in public/",
    (id, product) => {
      expect(product.image).toBe(`/products/${id}.svg`);
      expect(existsSync(publicDir + product.image.slice(1))).toBe(true);
    },
  );

  it.each(PRODUCTS.map((product) => [product.id, product] as const))(
    "%s has a positive integer price in every currency",
    (_id, product) => {
      expect(Object.keys(product.prices).sort()).toEqual([...CURRENCIES].sort());
      for (const currency of CURRENCIES) {
        const price = product.prices[currency];
        expect(Number.isInteger(price), `${currency} ${price}`).toBe(true);
        expect(price, currency).toBeGreaterThan(0);
      }
    },
  );
});

describe("findProduct", () => {
  it("finds each product by id", () => {
    for (const product of PRODUCTS) {
      expect(findProduct(product.id)).toBe(product);
    }
  });

  it("returns undefined for an unknown id", () => {
    expect(findProduct("no-such-product")).toBeUndefined();
    expect(findProduct("")).toBeUndefined();
  });
});
