/**
 * The Lotus & Pine product catalogue.
 *
 * Prices are integer minor units (fen, pence, cents) and are set by hand for
 * each currency: they are shop price points, not run-time conversions.
 */

export const CURRENCIES = ["CNY", "GBP", "USD", "EUR", "HKD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Product {
  /** The slug; also names the image file. */
  id: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  /** Public path, e.g. "/products/<id>.svg". */
  image: string;
  /** Integer minor units in each currency. */
  prices: Record<Currency, number>;
}

export const PRODUCTS: readonly Product[] = [
  {
    id: "longjing-green-tea",
    name: "West Lake Longjing Green Tea",
    nameZh: "西湖龙井绿茶",
    description:
      "Spring-picked Longjing from Hangzhou's West Lake, with flat jade-green leaves and a gentle roasted-chestnut sweetness. 100 g tin.",
    descriptionZh: "杭州西湖春茶，扁平挺直，色泽翠绿，带有清雅的栗香。100 克罐装。",
    image: "/products/longjing-green-tea.svg",
    prices: { CNY: 16800, GBP: 1890, USD: 2390, EUR: 2190, HKD: 18500 },
  },
  {
    id: "jasmine-pearls",
    name: "Jasmine Dragon Pearls",
    nameZh: "茉莉龙珠",
    description:
      "Hand-rolled green tea pearls scented with fresh jasmine blossoms; they unfurl slowly in the cup. 50 g.",
    descriptionZh: "以新鲜茉莉花窨制的手工绿茶龙珠，冲泡时在杯中缓缓舒展。50 克装。",
    image: "/products/jasmine-pearls.svg",
    prices: { CNY: 8800, GBP: 990, USD: 1290, EUR: 1190, HKD: 9800 },
  },
  {
    id: "tieguanyin-oolong",
    name: "Anxi Tieguanyin Oolong",
    nameZh: "安溪铁观音",
    description:
      "Tightly rolled oolong from Anxi, Fujian, with an orchid-like fragrance and a long, honeyed finish. 125 g kraft-paper pack.",
    descriptionZh: "福建安溪乌龙茶，颗粒紧结，兰花香清幽，回甘绵长。125 克牛皮纸袋装。",
    image: "/products/tieguanyin-oolong.svg",
    prices: { CNY: 12800, GBP: 1450, USD: 1850, EUR: 1690, HKD: 13900 },
  },
  {
    id: "aged-puer-cake",
    name: "Aged Pu'er Tea Cake",
    nameZh: "陈年普洱茶饼",
    description:
      "A 357 g pressed Pu'er cake from Yunnan, aged for a smooth, earthy cup. Wrapped in traditional cotton paper.",
    descriptionZh: "云南普洱紧压茶饼，357 克，陈化后汤色红浓、口感醇厚，以传统棉纸包装。",
    image: "/products/aged-puer-cake.svg",
    prices: { CNY: 46800, GBP: 5200, USD: 6600, EUR: 5900, HKD: 51000 },
  },
  {
    id: "yixing-clay-teapot",
    name: "Yixing Clay Teapot",
    nameZh: "宜兴紫砂壶",
    description:
      "A handmade red-brown Yixing clay teapot of about 200 ml that seasons with every brew. Ideal for oolong and Pu'er.",
    descriptionZh: "手工制作的宜兴紫砂壶，容量约 200 毫升，越泡越润，适合冲泡乌龙与普洱。",
    image: "/products/yixing-clay-teapot.svg",
    prices: { CNY: 88000, GBP: 9600, USD: 12500, EUR: 11200, HKD: 96800 },
  },
  {
    id: "celadon-cup-set",
    name: "Celadon Cup Set",
    nameZh: "青瓷茶杯套装",
    description:
      "Three pale green celadon tea cups with a soft, jade-like glaze. Each holds about 60 ml.",
    descriptionZh: "三只淡青色青瓷品茗杯，釉色温润如玉，每只容量约 60 毫升。",
    image: "/products/celadon-cup-set.svg",
    prices: { CNY: 26800, GBP: 2990, USD: 3800, EUR: 3490, HKD: 29800 },
  },
  {
    id: "bamboo-tea-tray",
    name: "Bamboo Tea Tray",
    nameZh: "竹制茶盘",
    description:
      "A slatted bamboo tray for gongfu brewing: spills drain away between the slats. Sized for a teapot and four cups.",
    descriptionZh: "功夫泡茶用的竹制条纹茶盘，溢出的茶水从竹条缝隙间流走，可放一壶四杯。",
    image: "/products/bamboo-tea-tray.svg",
    prices: { CNY: 32800, GBP: 3600, USD: 4600, EUR: 4200, HKD: 35800 },
  },
  {
    id: "blue-white-porcelain-vase",
    name: "Blue-and-White Porcelain Vase",
    nameZh: "青花瓷瓶",
    description:
      "A hand-painted blue-and-white porcelain vase with a lotus-scroll pattern, in the classic meiping shape. About 28 cm tall.",
    descriptionZh: "手绘青花缠枝莲纹梅瓶，造型典雅，高约 28 厘米。",
    image: "/products/blue-white-porcelain-vase.svg",
    prices: { CNY: 128000, GBP: 13900, USD: 17900, EUR: 16200, HKD: 138800 },
  },
  {
    id: "silk-scarf-peony",
    name: "Peony Silk Scarf",
    nameZh: "牡丹真丝围巾",
    description: "A mulberry silk square scarf printed with pink peonies on deep jade green. 90 × 90 cm.",
    descriptionZh: "桑蚕丝方巾，深青绿底色上印有粉色牡丹花纹。90 × 90 厘米。",
    image: "/products/silk-scarf-peony.svg",
    prices: { CNY: 59800, GBP: 6500, USD: 8400, EUR: 7600, HKD: 65800 },
  },
  {
    id: "red-paper-lantern",
    name: "Red Paper Lantern",
    nameZh: "红纸灯笼",
    description:
      "A traditional red paper lantern with a gold tassel. Folds flat for travel; about 30 cm across.",
    descriptionZh: "传统红纸灯笼，配金色流苏，可折叠收纳，便于携带。直径约 30 厘米。",
    image: "/products/red-paper-lantern.svg",
    prices: { CNY: 3800, GBP: 450, USD: 550, EUR: 490, HKD: 4200 },
  },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** A product's name and description in the shopper's language. */
export function productText(product: Product, locale: string): { name: string; description: string } {
  return locale === "zh-CN" ? { name: product.nameZh, description: product.descriptionZh } : { name: product.name, description: product.description };
}

/** The name to show for an order line: from the catalog in the shopper's language, else as ordered. */
export function lineName(productId: string, orderedName: string, locale: string): string {
  const product = findProduct(productId);
  return product ? productText(product, locale).name : orderedName;
}
