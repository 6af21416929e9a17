import { describe, expect, it } from "vitest";
import { MAX_QUANTITY, addToCart, parseCart, priceCart, serializeCart, setQuantity, type CartItem } from "@/lib/checkout/cart";
import { CURRENCIES, PRODUCTS, findProduct } from "@/lib/checkout/catalog";

const TEA = "longjing-green-tea";
const PEARLS = "jasmine-pearls";
const POT = "yixing-clay-teapot";

const cookie = (value: unknown) => JSON.stringify(value);

describe("parseCart", () => {
  it("reads a well-formed cookie", () => {
    expect(parseCart(cookie([{ p: TEA, q: 2 }, { p: POT, q: 1 }]))).toEqual([
      { productId: TEA, quantity: 2 },
      { productId: POT, quantity: 1 },
    ]);
  });

  it.each([
    ["no cookie", undefined],
    ["an empty string", ""],
    ["bad JSON", "[{p:"],
    ["JSON that is not an array", cookie({ p: TEA, q: 1 })],
    ["a string", cookie("longjing-green-tea")],
    ["null", "null"],
    ["items of the wrong shape", cookie([{ productId: TEA, quantity: 1 }])],
    ["a quantity that is a string", cookie([{ p: TEA, q: "2" }])],
    ["a fractional quantity", cookie([{ p: TEA, q: 1.5 }])],
    ["a product id that is too long", cookie([{ p: "x".repeat(65), q: 1 }])],
    ["more than 50 entries", cookie(Array.from({ length: 51 }, () => ({ p: TEA, q: 1 })))],
  ])("returns an empty cart for %s", (_name, value) => {
    expect(parseCart(value)).toEqual([]);
  });

  it("drops unknown products and keeps the known ones", () => {
    expect(parseCart(cookie([{ p: "no-such-product", q: 1 }, { p: TEA, q: 3 }]))).toEqual([{ productId: TEA, quantity: 3 }]);
  });

  it.each([0, -1, -100])("drops a line with quantity %i", (q) => {
    expect(parseCart(cookie([{ p: TEA, q }, { p: PEARLS, q: 1 }]))).toEqual([{ productId: PEARLS, quantity: 1 }]);
  });

  it("merges duplicate lines into one, where the product first appeared", () => {
    expect(parseCart(cookie([{ p: TEA, q: 2 }, { p: POT, q: 1 }, { p: TEA, q: 3 }]))).toEqual([
      { productId: TEA, quantity: 5 },
      { productId: POT, quantity: 1 },
    ]);
  });

  it("clamps a quantity to MAX_QUANTITY", () => {
    expect(parseCart(cookie([{ p: TEA, q: 1_000_000 }]))).toEqual([{ productId: TEA, quantity: MAX_QUANTITY }]);
  });

  it("clamps merged duplicates to MAX_QUANTITY", () => {
    expect(parseCart(cookie([{ p: TEA, q: MAX_QUANTITY - 1 }, { p: TEA, q: 2 }]))).toEqual([{ productId: TEA, quantity: MAX_QUANTITY }]);
  });

  it("keeps exactly MAX_QUANTITY", () => {
    expect(parseCart(cookie([{ p: TEA, q: MAX_QUANTITY }]))).toEqual([{ productId: TEA, quantity: MAX_QUANTITY }]);
  });

  it("ignores extra fields on an entry", () => {
    expect(parseCart(cookie([{ p: TEA, q: 1, price: 1 }]))).toEqual([{ productId: TEA, quantity: 1 }]);
  });
});

describe("serializeCart", () => {
  it("writes product ids and quantities only, in the cookie's short form", () => {
    expect(JSON.parse(serializeCart([{ productId: TEA, quantity: 2 }]))).toEqual([{ p: TEA, q: 2 }]);
  });

  it("round-trips through parseCart", () => {
    const items: CartItem[] = [
      { productId: POT, quantity: 1 },
      { productId: TEA, quantity: MAX_QUANTITY },
      { productId: PEARLS, quantity: 4 },
    ];
    expect(parseCart(serializeCart(items))).toEqual(items);
  });

  it("round-trips an empty cart", () => {
    expect(parseCart(serializeCart([]))).toEqual([]);
  });

  it("round-trips every product in the catalogue", () => {
    const items = PRODUCTS.map((p, i) => ({ productId: p.id, quantity: (i % MAX_QUANTITY) + 1 }));
    expect(parseCart(serializeCart(items))).toEqual(items);
  });
});

describe("addToCart", () => {
  it("adds a new product at the end", () => {
    expect(addToCart([{ productId: TEA, quantity: 1 }], POT, 2)).toEqual([
      { productId: TEA, quantity: 1 },
      { productId: POT, quantity: 2 },
    ]);
  });

  it("adds to the quantity of a product already in the cart, in its place", () => {
    const items = [
      { productId: TEA, quantity: 1 },
      { productId: POT, quantity: 2 },
    ];
    expect(addToCart(items, TEA, 3)).toEqual([
      { productId: TEA, quantity: 4 },
      { productId: POT, quantity: 2 },
    ]);
  });

  it("clamps the sum to MAX_QUANTITY", () => {
    expect(addToCart([{ productId: TEA, quantity: MAX_QUANTITY - 1 }], TEA, 5)).toEqual([{ productId: TEA, quantity: MAX_QUANTITY }]);
  });

  it("does not change the cart it was given", () => {
    const items = [{ productId: TEA, quantity: 1 }];
    addToCart(items, TEA, 2);
    addToCart(items, POT, 1);
    expect(items).toEqual([{ productId: TEA, quantity: 1 }]);
  });
});

describe("setQuantity", () => {
  const items: CartItem[] = [
    { productId: TEA, quantity: 1 },
    { productId: PEARLS, quantity: 2 },
    { productId: POT, quantity: 3 },
  ];

  it("replaces a line's quantity and keeps the order of the lines", () => {
    expect(setQuantity(items, PEARLS, 7)).toEqual([
      { productId: TEA, quantity: 1 },
      { productId: PEARLS, quantity: 7 },
      { productId: POT, quantity: 3 },
    ]);
  });

  it("removes the line when the quantity is 0", () => {
    expect(setQuantity(items, PEARLS, 0)).toEqual([
      { productId: TEA, quantity: 1 },
      { productId: POT, quantity: 3 },
    ]);
  });

  it("removes the line when the quantity is negative", () => {
    expect(setQuantity(items, TEA, -3)).toEqual([
      { productId: PEARLS, quantity: 2 },
      { productId: POT, quantity: 3 },
    ]);
  });

  it("does nothing when 0 is set for a product not in the cart", () => {
    expect(setQuantity(items, "celadon-cup-set", 0)).toEqual(items);
  });

  it("clamps to MAX_QUANTITY", () => {
    expect(setQuantity(items, POT, MAX_QUANTITY + 5)).toEqual([
      { productId: TEA, quantity: 1 },
      { productId: PEARLS, quantity: 2 },
      { productId: POT, quantity: MAX_QUANTITY },
    ]);
  });

  it("truncates a fractional quantity", () => {
    expect(setQuantity([], TEA, 2.9)).toEqual([{ productId: TEA, quantity: 2 }]);
    expect(setQuantity(items, TEA, 0.5)).toEqual([
      { productId: PEARLS, quantity: 2 },
      { productId: POT, quantity: 3 },
    ]);
  });

  it("appends a product not yet in the cart", () => {
    expect(setQuantity(items, "celadon-cup-set", 1)).toEqual([...items, { productId: "celadon-cup-set", quantity: 1 }]);
  });

  it("does not change the cart it was given", () => {
    const before = structuredClone(items);
    setQuantity(items, TEA, 5);
    setQuantity(items, TEA, 0);
    expect(items).toEqual(before);
  });
});

describe("priceCart", () => {
  it("prices each line from the catalogue in the requested currency", () => {
    const priced = priceCart(
      [
        { productId: TEA, quantity: 2 },
        { productId: POT, quantity: 1 },
      ],
      "CNY",
    );
    const tea = findProduct(TEA)!;
    const pot = findProduct(POT)!;
    expect(priced.currency).toBe("CNY");
    expect(priced.lines).toEqual([
      { product: tea, quantity: 2, unitAmount: tea.prices.CNY, lineAmount: tea.prices.CNY * 2 },
      { product: pot, quantity: 1, unitAmount: pot.prices.CNY, lineAmount: pot.prices.CNY },
    ]);
    expect(priced.total).toBe(16800 * 2 + 88000);
    expect(priced.count).toBe(3);
  });

  it.each(CURRENCIES.map((c) => [c]))("uses the %s price of every product", (currency) => {
    const items = PRODUCTS.map((p, i) => ({ productId: p.id, quantity: i + 1 }));
    const priced = priceCart(items, currency);
    expect(priced.currency).toBe(currency);
    const expectedTotal = PRODUCTS.reduce((sum, p, i) => sum + p.prices[currency] * (i + 1), 0);
    expect(priced.total).toBe(expectedTotal);
    expect(priced.count).toBe(items.reduce((sum, i) => sum + i.quantity, 0));
    priced.lines.forEach((line, i) => {
      expect(line.unitAmount).toBe(PRODUCTS[i]!.prices[currency]);
      expect(line.lineAmount).toBe(line.unitAmount * line.quantity);
    });
  });

  it("skips a product that is not in the catalogue", () => {
    const priced = priceCart(
      [
        { productId: "no-such-product", quantity: 3 },
        { productId: PEARLS, quantity: 1 },
      ],
      "GBP",
    );
    expect(priced.lines.map((l) => l.product.id)).toEqual([PEARLS]);
    expect(priced.total).toBe(990);
    expect(priced.count).toBe(1);
  });

  it("prices an empty cart at zero", () => {
    expect(priceCart([], "USD")).toEqual({ currency: "USD", lines: [], total: 0, count: 0 });
  });
});
