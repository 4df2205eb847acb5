/** Demo catalogue: Chinese copy, list prices in fen, member prices per tier code (others get the tier discount). */
export interface DemoProduct {
  title: string;
  subtitle: string;
  category: string;
  skus: { code: string; name: string; listPriceFen: number; stock: number; memberPrices?: Record<string, number> }[];
  /** Hours from seeding until everyone may buy it (priority access window). */
  memberFirstHours?: number;
}

const p = (
  title: string,
  subtitle: string,
  category: string,
  code: string,
  listYuan: number,
  memberYuan: number | null,
  extra: Partial<DemoProduct> & { second?: [string, string, number, number | null] } = {},
): DemoProduct => {
  const sku = (c: string, name: string, list: number, member: number | null) => ({
    code: c,
    name,
    listPriceFen: list * 100,
    stock: 200,
    ...(member !== null ? { memberPrices: { ANNUAL: member * 100, BLACK: Math.round(member * 0.95) * 100 } } : {}),
  });
  const skus = [sku(code, '标准装', listYuan, memberYuan)];
  if (extra.second) skus.push(sku(extra.second[0], extra.second[1], extra.second[2], extra.second[3]));
  return { title, subtitle, category, skus, memberFirstHours: extra.memberFirstHours };
};

export const DEMO_PRODUCTS: DemoProduct[] = [
  p('五常稻花香大米 5kg', '当季新米，粒粒饱满', '粮油米面', 'RICE-5KG', 98, 79, {
    second: ['RICE-10KG', '10kg 家庭装', 188, 149],
  }),
  p('有机黑龙江大豆油 5L', '非转基因物理压榨', '粮油米面', 'OIL-5L', 129, 109),
  p('手工空心挂面 2kg', '山东传统工艺', '粮油米面', 'NOODLE-2KG', 39, 32),
  p('每日坚果 30 袋', '6 种坚果果干科学配比', '休闲零食', 'NUTS-30', 139, 99, {
    second: ['NUTS-60', '60 袋量贩装', 259, 189],
  }),
  p('云南鲜花饼礼盒', '玫瑰花瓣现烤', '休闲零食', 'FLOWERCAKE', 68, 55),
  p('黑巧克力 72% 可可', '比利时工艺 100g×5', '休闲零食', 'CHOCO-72', 89, null),
  p('新疆阿克苏冰糖心苹果 5kg', '产地直发，脆甜多汁', '生鲜水果', 'APPLE-5KG', 79, 59),
  p('智利车厘子 JJ 级 2kg', '空运直达，冷链到家', '生鲜水果', 'CHERRY-2KG', 299, 239, { memberFirstHours: 48 }),
  p('海南金钻凤梨 4 个', '免削皮，香甜无渣', '生鲜水果', 'PINEAPPLE-4', 69, 55),
  p('澳洲谷饲西冷牛排 10 片', '原切整肉，非拼接', '肉禽蛋品', 'STEAK-10', 399, 319),
  p('散养土鸡蛋 30 枚', '林下散养，蛋黄饱满', '肉禽蛋品', 'EGG-30', 59, 45),
  p('内蒙古羔羊肉卷 1kg', '涮火锅首选', '肉禽蛋品', 'LAMB-1KG', 119, 95),
  p('挪威三文鱼刺身 500g', '冰鲜空运，当日分切', '海鲜水产', 'SALMON-500', 189, 159, { memberFirstHours: 36 }),
  p('舟山带鱼段 2kg', '东海野生，肉厚刺少', '海鲜水产', 'HAIRTAIL-2KG', 139, 109),
  p('阿根廷红虾 2kg', 'L1 大号，野生捕捞', '海鲜水产', 'SHRIMP-2KG', 229, 189),
  p('特级西湖龙井 250g', '明前头采，核心产区', '茶饮冲调', 'TEA-LONGJING', 598, 498, { memberFirstHours: 24 }),
  p('云南小粒咖啡豆 1kg', '中度烘焙，坚果风味', '茶饮冲调', 'COFFEE-1KG', 168, 135),
  p('宁夏枸杞原浆 30 袋', '鲜果压榨，无添加', '茶饮冲调', 'GOJI-30', 199, 159),
  p('全脂纯牛奶 250ml×24', '新西兰奶源', '乳品饮料', 'MILK-24', 89, 72),
  p('0 糖气泡水 480ml×15', '白桃、青柠多口味', '乳品饮料', 'SODA-15', 65, 52),
  p('希腊式酸奶 1kg', '高蛋白，浓稠顺滑', '乳品饮料', 'YOGURT-1KG', 45, null),
  p('竹纤维抽纸 24 包', '母婴可用，无荧光剂', '家居日用', 'TISSUE-24', 69, 55),
  p('浓缩洗衣凝珠 100 颗', '除菌除螨，持久留香', '家居日用', 'PODS-100', 129, 99),
  p('全棉四件套 1.8m', '新疆长绒棉 60 支', '家居日用', 'BEDDING-18', 599, 469),
  p('电动牙刷 声波款', '5 档模式，续航 60 天', '个护美妆', 'TOOTHBRUSH', 299, 229),
  p('氨基酸洁面乳 120g', '温和不紧绷', '个护美妆', 'CLEANSER', 89, 69),
  p('玻尿酸补水面膜 20 片', '密集补水，舒缓修护', '个护美妆', 'MASK-20', 159, 119),
  p('婴儿纸尿裤 L 码 120 片', '轻薄透气，12 小时干爽', '母婴用品', 'DIAPER-L', 259, 209),
  p('儿童益智积木 500 粒', '大颗粒，安全无毒', '母婴用品', 'BLOCKS-500', 199, 159),
  p('不锈钢保温杯 500ml', '12 小时保温', '家居日用', 'CUP-500', 129, 99),
];
