#!/usr/bin/env node
/**
 * build-policy-dict.mjs — how dict/policy.dict.txt (and dict/candidates.tsv) are made.
 *
 * Usage (from /work/main):
 *   node scripts/build-policy-dict.mjs                 # step 1 + step 2 (normal run)
 *   node scripts/build-policy-dict.mjs --candidates    # step 1 only
 *   node scripts/build-policy-dict.mjs --boilerplate   # also print the boilerplate evidence (step 3)
 * Then verify with: node scripts/check-policy-dict.mjs
 * The output is deterministic: same corpus + same nodejieba dictionary => same files.
 *
 * STEP 1 — candidate gathering (writes dict/candidates.tsv)
 *   Corpus: every *.txt in ../shared/corpus (i.e. /work/shared/corpus) plus corpus/liuzhou-2024.txt.
 *     - national-2020.gbk.txt is skipped (GBK bytes; the same text is in national-2020.txt).
 *     - Exact duplicates (same SHA-1, e.g. liuzhou-2024.txt present in both folders) are read once.
 *     - A second copy of the same report (same "place-year" key, e.g. national-2014-oneline.txt
 *       next to national-2014.txt) is skipped, so that no report is counted twice.
 *     - Cleaning: zero-width characters (U+200B/C/D, U+FEFF) and the literal scraper artefact
 *       "<U+00A0>" are removed.
 *   Segmentation: stock nodejieba (its default dictionary, no user dictionary), cut(run, true) on
 *     every maximal run of CJK ideographs (U+4E00–U+9FFF), so no n-gram crosses a digit,
 *     a Latin letter, punctuation or a line break.
 *   N-grams: 2–4 adjacent tokens, joined length 4–10 characters. The first and the last token must
 *     not be a function word (EDGE_STOP below + every entry of dict/stopwords.txt).
 *   Kept if the n-gram occurs in >= 3 different reports OR >= 5 times in total.
 *   Score = count × cohesion, cohesion = count(ngram) / min_i count(token_i)
 *     (1.0 when the rarest part never occurs outside this n-gram). Sorted by score, then count.
 *   candidates.tsv columns: term, count, docs, score, tokens (the jieba parts joined by "/").
 *
 * STEP 2 — curation (writes dict/policy.dict.txt)
 *   policy.dict.txt = HAND_TERMS (headline indicators and well-known policy terms, written by hand)
 *   + ACCEPTED_CANDIDATES: terms picked by hand while reading the top ~1500 rows of candidates.tsv.
 *   Rejected: fragments that are verb + object pieces or cut across a phrase (推进高质量, 加快建设,
 *   深入实施, 进一步完善 ...), place names, one-off slogans, and phrases that are just two ordinary
 *   words (经济发展, 工作报告). Every accepted term must appear in candidates.tsv (the script warns
 *   otherwise); hand terms need not.
 *   Frequency: for each term the script finds, with the stock jieba dictionary (plus the shorter
 *   policy terms already placed), the most probable way to split the term into two or more pieces
 *   (log-probability L_split). It then gives the term the weight L_split + MARGIN (MARGIN = ln 2000,
 *   plus FREQ_BOOST for a few terms that needed more in context), i.e.
 *   freq = ceil(total_freq × exp(L_split + MARGIN)), at least MIN_FREQ, at most MAX_FREQ.
 *   The term then beats every split of itself by a factor >= 2000, which is enough in context,
 *   while a short term never gets an absurd weight (the cap keeps it below the frequency of common
 *   function words). Tags: n = noun / indicator, nz = named programme or slogan, vn = verb-noun.
 *   Lines: "word freq tag", single spaces, UTF-8, LF, grouped by tag (n, nz, vn), each group in
 *   pinyin order. No comments (jieba would read them as words).
 *
 * STEP 3 — boilerplate evidence (--boilerplate; printed to stdout, not written anywhere)
 *   Words (stock jieba tokens of >= 2 characters, not in stopwords.txt) that are among the 200 most
 *   frequent tokens in >= 90% of the modern reports (the traditional-script national-1954.txt is left
 *   out of this step). dict/boilerplate.txt was curated by hand from this list (topical words such as
 *   经济, 企业, 农村 removed) plus the hand list in the brief.
 *
 * nodejieba's load() may be called only once per process, so everything is done in one process
 * with the stock dictionary; user-dictionary behaviour is checked by check-policy-dict.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nodejieba = require('nodejieba');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '../shared/corpus');
const DICT_DIR = path.join(ROOT, 'dict');
const args = new Set(process.argv.slice(2));

// ---------------------------------------------------------------- corpus
function loadCorpus() {
  const files = [];
  if (fs.existsSync(SHARED)) {
    // canonical copy first: "national-2014.txt" before "national-2014-oneline.txt"
    const names = fs.readdirSync(SHARED).sort((a, b) => a.replace(/-[^.]*\./, '.').localeCompare(b.replace(/-[^.]*\./, '.')) || a.length - b.length || (a < b ? -1 : 1));
    for (const f of names) {
      if (!f.endsWith('.txt') || f.endsWith('.gbk.txt')) continue;
      files.push(path.join(SHARED, f));
    }
  }
  files.push(path.join(ROOT, 'corpus/liuzhou-2024.txt'));
  const seenHash = new Set();
  const seenKey = new Set();
  const docs = [];
  const skipped = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    const hash = crypto.createHash('sha1').update(buf).digest('hex');
    const name = path.basename(file);
    const key = (name.match(/^([a-z]+-\d{4})/) || [null, name])[1];
    if (seenHash.has(hash)) { skipped.push(`${name} (identical file)`); continue; }
    if (seenKey.has(key)) { skipped.push(`${name} (second copy of ${key})`); continue; }
    seenHash.add(hash); seenKey.add(key);
    const text = buf.toString('utf8')
      .replace(/<U\+00A0>/g, ' ')
      .replace(/[\u200b\u200c\u200d\ufeff]/g, '');
    // traditional-script heuristic: share of a few very common traditional-only characters
    const trad = (text.match(/[們國會這說來時為經發對與開實產業與]/g) || []).length;
    const han = (text.match(/[\u4e00-\u9fff]/g) || []).length;
    docs.push({ name, key, text, traditional: han > 0 && trad / han > 0.01 });
  }
  return { docs, skipped };
}

const HAN_RUN = /[\u4e00-\u9fff]+/g;
const IS_HAN = /^[\u4e00-\u9fff]+$/;

function readList(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const EDGE_STOP = new Set([
  ...'的和与在是等了对把以为要及并或从向将被也都而中上下其这该着于由使让给就还又个各有不到所之我'.split(''),
  ...readList(path.join(DICT_DIR, 'stopwords.txt')),
]);

// ---------------------------------------------------------------- step 1
function gatherCandidates(docs) {
  const uni = new Map(); // token -> count
  const ng = new Map(); // term -> {count, docs:Set, tokens}
  const docTokenCounts = []; // per doc Map token->count (for step 3)
  docs.forEach((doc, di) => {
    const dtc = new Map();
    for (const m of doc.text.matchAll(HAN_RUN)) {
      const toks = nodejieba.cut(m[0], true);
      for (const t of toks) {
        uni.set(t, (uni.get(t) || 0) + 1);
        dtc.set(t, (dtc.get(t) || 0) + 1);
      }
      for (let i = 0; i < toks.length; i++) {
        if (EDGE_STOP.has(toks[i])) continue;
        let joined = toks[i];
        for (let n = 2; n <= 4 && i + n - 1 < toks.length; n++) {
          const last = toks[i + n - 1];
          joined += last;
          if (joined.length > 10) break;
          if (joined.length < 4 || EDGE_STOP.has(last) || !IS_HAN.test(joined)) continue;
          const key = toks.slice(i, i + n).join('/');
          let e = ng.get(key);
          if (!e) { e = { count: 0, docs: new Set(), tokens: toks.slice(i, i + n) }; ng.set(key, e); }
          e.count++; e.docs.add(di);
        }
      }
    }
    docTokenCounts.push(dtc);
  });
  // merge different tokenisations of the same string
  const byTerm = new Map();
  for (const e of ng.values()) {
    const term = e.tokens.join('');
    const cur = byTerm.get(term);
    if (!cur) byTerm.set(term, { term, count: e.count, docs: new Set(e.docs), tokens: e.tokens, best: e.count });
    else {
      cur.count += e.count; for (const d of e.docs) cur.docs.add(d);
      if (e.count > cur.best) { cur.best = e.count; cur.tokens = e.tokens; }
    }
  }
  const rows = [];
  for (const c of byTerm.values()) {
    if (!(c.docs.size >= 3 || c.count >= 5)) continue;
    const minPart = Math.min(...c.tokens.map((t) => uni.get(t) || c.count));
    const cohesion = c.count / Math.max(minPart, c.count);
    rows.push({ term: c.term, count: c.count, docs: c.docs.size, score: c.count * cohesion, tokens: c.tokens.join('/') });
  }
  rows.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { rows, uni, docTokenCounts };
}

// ---------------------------------------------------------------- step 2 lists
// [term, tag]. Headline indicators and well-known policy terms, written by hand.
const HAND_TERMS = `
规上工业增加值 n|规模以上工业增加值 n|地区生产总值 n|国内生产总值 n|一般公共预算收入 n|一般公共预算支出 n
社会消费品零售总额 n|固定资产投资 n|居民人均可支配收入 n|城镇居民人均可支配收入 n|农村居民人均可支配收入 n
城镇调查失业率 n|城镇登记失业率 n|居民消费价格 n|进出口总额 n|外贸进出口总额 n|单位国内生产总值能耗 n
城镇新增就业 n|粮食产量 n|高标准农田 n|充电基础设施 n|老旧小区改造 n|城镇老旧小区改造 n|城市更新 n
营商环境 n|新能源汽车 n|数字经济 n|实体经济 n|民营经济 n|新型工业化 n|新型城镇化 n|新质生产力 n
高质量发展 n|乡村振兴 nz|专精特新 nz|放管服 nz|一带一路 nz|碳达峰 nz|碳中和 nz|共同富裕 n
供给侧结构性改革 nz|中国式现代化 nz|招商引资 vn|规模以上工业企业 n|规上工业企业 n|全社会固定资产投资 n
财政赤字率 n|赤字率 n|地方政府专项债券 n|专项债券 n|超长期特别国债 n|特别国债 n|财政收入 n
公共财政预算收入 n|一般公共预算 n|政府性基金 n|城乡居民收入 n|居民收入 n|农牧民人均纯收入 n|农民人均纯收入 n
城镇居民人均可支配收入 n|城乡居民人均可支配收入 n|人均地区生产总值 n|单位地区生产总值能耗 n
万元地区生产总值能耗 n|单位国内生产总值二氧化碳排放 n|主要污染物排放总量 n|化学需氧量 n|细颗粒物 n
空气质量优良天数比率 n|森林覆盖率 n|城镇化率 n|常住人口城镇化率 n|户籍人口城镇化率 n
研发经费投入 n|研究与试验发展经费 n|全社会研发经费投入 n|高新技术企业 n|科技型中小企业 n|独角兽企业 n
战略性新兴产业 n|先进制造业 n|现代服务业 n|现代农业 n|现代化产业体系 n|未来产业 n|数字政府 n|数字中国 nz
人工智能 n|云计算 n|工业互联网 n|区块链 n|算力 n|低空经济 n|银发经济 n|平台经济 n
首发经济 n|冰雪经济 n|夜间经济 n|县域经济 n|民营企业 n|中小微企业 n|小微企业 n|个体工商户 n|市场主体 n
经营主体 n|国有企业 n|国企改革 n|混合所有制改革 n|减税降费 vn|留抵退税 vn|普惠金融 n|绿色金融 n
科技金融 n|养老金融 n|数字金融 n|隐性债务 n|融资平台 n|房地产市场 n|保障性住房 n|保障性安居工程 n
棚户区改造 n|住房公积金 n|城中村改造 n|海绵城市 n|智慧城市 n|韧性城市 n|城市群 n|都市圈 n
新型基础设施 n|新基建 nz|交通强国 nz|制造强国 nz|质量强国 nz|网络强国 nz|科技强国 nz|教育强国 nz|人才强国 nz
文化强国 nz|体育强国 nz|健康中国 nz|美丽中国 nz|平安中国 nz|法治中国 nz|和美乡村 n|美丽乡村 n
农村人居环境 n|厕所革命 nz|农村土地承包 n|集体经营性建设用地 n|农村集体产权制度改革 nz|粮食安全 n
耕地保护 vn|永久基本农田 n|种业振兴 nz|脱贫攻坚 nz|精准扶贫 nz|精准脱贫 nz|建档立卡贫困人口 n|贫困人口 n
脱贫人口 n|易地扶贫搬迁 nz|防止返贫 vn|巩固拓展脱贫攻坚成果 nz|农村贫困人口 n|东西部协作 nz|对口支援 vn
义务教育 n|学前教育 n|职业教育 n|高等教育 n|双一流 nz|双减 nz|基本医疗保险 n|基本养老保险 n|城乡居民基本养老保险 n
城乡居民基本医疗保险 n|大病保险 n|医疗保障 n|分级诊疗 n|家庭医生 n|公立医院改革 n|医联体 n
最低生活保障 n|特困人员 n|社会救助 n|养老服务 n|托育服务 n|长期护理保险 n|退役军人 n
稳就业 vn|保就业 vn|高校毕业生 n|城镇新增就业人数 n|零就业家庭 n|公共服务 n|基本公共服务 n
基本公共服务均等化 n|社会治理 n|基层治理 n|网格化管理 n|安全生产 n|食品安全 n|扫黑除恶 nz|平安建设 vn
生态文明 n|生态文明建设 vn|生态环境 n|污染防治攻坚战 nz|蓝天保卫战 nz|碧水保卫战 nz|净土保卫战 nz|河长制 nz
湖长制 nz|林长制 nz|生态保护红线 n|节能减排 vn|能耗双控 nz|双碳 nz|碳排放 n|碳排放权交易 n|清洁能源 n
可再生能源 n|新型储能 n|能源安全 n|绿色低碳 n|绿色发展 n
循环经济 n|垃圾分类 vn|自由贸易试验区 n|自贸试验区 n|自由贸易港 n|海南自由贸易港 nz|跨境电商 n|跨境电子商务 n
综合保税区 n|外商投资 n|利用外资 vn|实际利用外资 n|对外开放 vn|高水平对外开放 n|服务贸易 n|货物贸易 n
粤港澳大湾区 nz|京津冀协同发展 nz|长江经济带 nz|长三角一体化 nz|黄河流域生态保护和高质量发展 nz
成渝地区双城经济圈 nz|西部大开发 nz|东北振兴 nz|中部地区崛起 nz|东部率先发展 nz|区域协调发展 n|西部陆海新通道 nz
北部湾经济区 nz|中国东盟自由贸易区 nz|中国—东盟 nz|双循环 nz|国内大循环 n|全国统一大市场 n|扩大内需 vn
消费品以旧换新 nz|以旧换新 vn|大规模设备更新 nz|设备更新 vn|有效投资 n|重大项目 n|政府投资 n
民间投资 n|政务服务 n|一网通办 nz|互联网+ nz|互联网+政务服务 nz|最多跑一次 nz|证照分离 nz
放管服改革 nz|简政放权 nz|商事制度改革 nz|行政审批 n|行政审批制度改革 nz|负面清单 n|权力清单 n|责任清单 n
国资国企 n|财税体制改革 nz|预算管理 n|绩效管理 n|防范化解重大风险 vn|风险防范 vn|三大攻坚战 nz
科技创新 n|创新驱动发展 nz|创新驱动发展战略 nz|关键核心技术 n|产学研 n|科技成果转化 n|大众创业万众创新 nz
双创 nz|众创空间 n|人才引进 vn|乡村振兴战略 nz|农业农村现代化 n|农业现代化 n|农村改革 n
新型农业经营主体 n|家庭农场 n|农民专业合作社 n|农业产业化 n|农产品加工 n|特色农业 n|设施农业 n|智慧农业 n
全域旅游 n|文旅融合 n|文化旅游 n|乡村旅游 n|文化产业 n|公共文化服务 n|社会主义核心价值观 nz
法治政府 n|依法行政 vn|政务公开 n|八项规定 nz|全面从严治党 nz|党风廉政建设 vn|形式主义 n|官僚主义 n
十四五 nz|十五五 nz|十三五 nz|十二五 nz|稳中求进 nz|六稳 nz|六保 nz|三去一降一补 nz|去产能 vn|去库存 vn
去杠杆 vn|降成本 vn|补短板 vn|新发展理念 nz|新发展格局 nz|全面深化改革 nz|全面建成小康社会 nz|小康社会 n
两岸关系 n|国际收支 n|铸牢中华民族共同体意识 nz|出口信用保险 n|非物质文化遗产 n|农村公路 n|区域全面经济伙伴关系协定 nz
人类命运共同体 nz|宏观调控 n|积极的财政政策 nz|稳健的货币政策 nz|货币政策 n|财政政策 n|产业政策 n
`.trim().split(/[|\n]/).map((s) => s.trim()).filter(Boolean).map((s) => s.split(' '));

// Picked by hand from candidates.tsv (see header). [term, tag]
const ACCEPTED_CANDIDATES = `
经济社会发展 n|中国特色社会主义 nz|小微企业 n|人均可支配收入 n|老旧小区 n|创新驱动 nz|结构性改革 n|人居环境 n|工作总基调 n
合理区间 n|退休人员 n|稳中求进工作总基调 nz|重特大事故 n|消费品零售总额 n|基础设施建设 n|社会事业 n|退休人员基本养老金 n
全面从严治党 nz|稳健的货币政策 nz|社区卫生服务中心 n|防灾减灾 vn|转移支付 n|提质增效 vn
经济下行压力 n|中央八项规定 nz|价格涨幅 n|国防动员 n|居民消费价格涨幅 n|调查失业率 n|革命老区 n
非公有制经济 n|反腐败斗争 n|预算内投资 n|事中事后监管 n|加计扣除 vn|混合所有制 n|全民健身 n
体制机制 n|疫情防控 vn|关键核心技术攻关 vn|人民币汇率 n|饮水安全 n|转型升级 vn|九二共识 nz
二十国集团 nz|全民阅读 nz|民族区域自治制度 nz|中西部地区 n|审计监督 n|冰雪运动 n
内生动力 n|新就业形态 n|四个自信 nz|产业链供应链 n|放管结合 nz
公共文化 n|基本养老金 n|八项规定精神 nz|基础研究 n|主要污染物 n|适度规模经营 n|金融体制改革 n|人均纯收入 n|金砖国家 nz
退耕还林还草 nz|决策部署 n|三大攻坚战 nz|国防和军队建设 n|中央预算内投资 n|落后产能 n|研发费用加计扣除 n|一体化发展 n
农业面源污染 n|净土保卫战 nz|因城施策 nz|社会主义初级阶段 nz|经济技术开发区 n|金山银山 nz|京津冀协同发展 nz|基本公共卫生服务 n|政府自身建设 n
临时救助 n|中华民族伟大复兴 nz|防灾减灾救灾 vn|生产性服务业 n|既有建筑节能改造 n|重大水利工程 n|兴边富民 nz
生态环境保护 n|不忘初心 nz|共商共建共享 nz|化学需氧量 n|应对人口老龄化 vn|户籍制度改革 n|生物多样性 n|联防联控 vn
行政事业性收费 n|超低排放 n|公立医院综合改革 nz|主体功能区 n|经济伙伴关系协定 nz|就业优先 nz|失业保险 n|惠民工程 n
农业转移人口市民化 n|新旧动能 n|优秀传统文化 n|应对气候变化 vn|文化遗产保护 n|异地就医 vn|中外人文交流 n|事权和支出责任 n
经济全球化 n|民生福祉 n|知识产权保护 n|三严三实 nz|约束性指标 n|雄安新区 nz
山水林田湖草沙 nz|投资自由化便利化 n|职业技能培训 n|主要污染物排放量 n|主题教育 nz|农村危房改造 n|社会信用体系 n
大病保险 n|农民工工资 n|优良天数 n|农村人居环境整治 vn|兴边富民行动 nz|北京冬奥会 nz|多边贸易体制 n|常住人口城镇化率 n|粮食播种面积 n
廉洁政府 n|区域协调发展 n|系统性风险 n|全科医生 n|军民融合 nz|地下综合管廊 n|大数据中心 n|小规模纳税人 n|扫黑除恶专项斗争 nz
规模性返贫 n|政府采购 n|机关事业单位 n|应保尽保 vn|最低收购价 n|枫桥经验 nz|第二轮土地承包 n|自然保护地 n
货币供应量 n|黑臭水体 n|政府债务 n|土壤污染防治 vn|全域旅游 n|规模以上工业总产值 n
西部陆海新通道 nz|地方政府专项债券 n|收入分配 n|国家实验室 n|社会治安综合治理 n|医养结合 nz|绿水青山就是金山银山 nz|民族团结进步 nz
宜居宜业 n|重要农产品 n|基层医疗卫生 n|人口较少民族 n|职业伤害保障 n|爱国卫生运动 nz|科学发展观 nz
领军企业 n|两个毫不动摇 nz|灵活就业 vn|盘活存量 vn|两学一做 nz|十年禁渔 nz
延期还本付息 vn|爱国者治港 nz|稳岗扩岗 vn|立德树人 nz|电信网络诈骗 n|载人航天 n|中华优秀传统文化 nz
流动性合理充裕 nz|政府职能转变 n|中华民族共同体 nz|宗教工作 n|工业增加值 n|节能环保 n
消费者权益 n|节能降碳 vn|城乡低保 n|扩大内需战略 nz|定点帮扶 vn
群众路线教育实践活动 nz|高速铁路运营里程 n|研发费用 n|行政许可事项 n|新业态新模式 n|中国制造 nz|基础养老金 n
淘汰落后产能 vn|货币政策工具 n|产教融合 nz|婴幼儿照护 n|存款准备金率 n|战略机遇期 n|科技自立自强 nz
两个确立 nz|开放型经济 n|环保督察 n|生态系统保护和修复 n|国家公园 n|国家粮食安全 n|长期护理保险制度 n
健全地方税体系 vn|一照一码 nz|两孩政策 nz|僵尸企业 n
先立后破 nz|全要素生产率 n|制度性交易成本 n|农村移风易俗 n|占补平衡 n|总体国家安全观 nz|带量采购 n|急难愁盼 n|揭榜挂帅 nz
新型农村集体经济 n|新官不理旧账 nz|最低工资标准 n|涉农资金 n|集中带量采购 n|非法集资 n|企业家精神 n|海洋经济 n
生态环境质量 n|宏观杠杆率 n|通关便利化 n|多层次资本市场 n|粤港澳大湾区建设 nz|城乡居民基础养老金 n|资本市场 n|一般性转移支付 n|食品药品安全 n
中欧投资协定 nz|国资国企改革 nz|地方政府举债 n|生态安全屏障 n|百年奋斗目标 nz
`.trim().split(/[|\n]/).map((s) => s.trim()).filter(Boolean).map((s) => s.split(' '));

// terms that needed a larger margin in context (factor on top of MARGIN); found by check-policy-dict.mjs
const FREQ_BOOST = {};

const MARGIN = Math.log(2000);
const MIN_FREQ = 1000;
const MAX_FREQ = 200000;

function loadStockDict() {
  const m = new Map();
  let total = 0;
  const text = fs.readFileSync(nodejieba.DEFAULT_DICT, 'utf8');
  for (const line of text.split('\n')) {
    const [w, f] = line.split(' ');
    if (!w || !f) continue;
    const fr = Number(f);
    m.set(w, (m.get(w) || 0) + fr);
    total += fr;
  }
  let minLog = Infinity;
  for (const f of m.values()) minLog = Math.min(minLog, Math.log(f / total));
  return { m, total, minLog };
}

/** best log-probability of splitting `term` into >= 2 pieces (dictionary words or single chars) */
function bestSplitLogP(term, weight, minLog) {
  const chars = [...term];
  const n = chars.length;
  const best = new Array(n + 1).fill(-Infinity);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === -Infinity) continue;
    for (let j = i + 1; j <= n; j++) {
      if (i === 0 && j === n) continue; // not the whole term
      const piece = chars.slice(i, j).join('');
      let w = weight(piece);
      if (w === undefined) { if (j - i === 1) w = minLog; else continue; }
      if (best[i] + w > best[j]) best[j] = best[i] + w;
    }
  }
  return best[n];
}

function buildDict() {
  const { m, total, minLog } = loadStockDict();
  const entries = new Map();
  for (const [term, tag] of [...HAND_TERMS, ...ACCEPTED_CANDIDATES]) {
    if (!term || !tag) throw new Error(`bad entry ${term} ${tag}`);
    if (/\s/.test(term)) throw new Error(`space in ${term}`);
    if (!entries.has(term)) entries.set(term, tag);
  }
  const terms = [...entries.keys()].sort((a, b) => [...a].length - [...b].length || (a < b ? -1 : 1));
  const placed = new Map(); // term -> log weight
  const weight = (w) => (placed.has(w) ? placed.get(w) : m.has(w) ? Math.log(m.get(w) / total) : undefined);
  const out = [];
  for (const term of terms) {
    const split = bestSplitLogP(term, weight, minLog);
    const boost = Math.log(FREQ_BOOST[term] || 1);
    let freq = Math.ceil(total * Math.exp(split + MARGIN + boost));
    freq = Math.min(MAX_FREQ, Math.max(MIN_FREQ, freq));
    // never weaker than the stock entry for the same word
    if (m.has(term)) freq = Math.max(freq, m.get(term));
    placed.set(term, Math.log(freq / total));
    out.push({ term, freq, tag: entries.get(term) });
  }
  const tagOrder = { n: 0, nz: 1, vn: 2 };
  const coll = new Intl.Collator('zh-Hans-u-co-pinyin');
  out.sort((a, b) => (tagOrder[a.tag] ?? 9) - (tagOrder[b.tag] ?? 9) || coll.compare(a.term, b.term) || (a.term < b.term ? -1 : 1));
  return out;
}

// ---------------------------------------------------------------- main
const { docs, skipped } = loadCorpus();
console.error(`reports read: ${docs.length} (${docs.map((d) => d.name).join(', ')})`);
if (skipped.length) console.error(`skipped: ${skipped.join('; ')}; national-2020.gbk.txt (GBK)`);
const { rows, docTokenCounts } = gatherCandidates(docs);
const tsv = ['term\tcount\tdocs\tscore\ttokens',
  ...rows.map((r) => `${r.term}\t${r.count}\t${r.docs}\t${r.score.toFixed(2)}\t${r.tokens}`)].join('\n') + '\n';
fs.mkdirSync(DICT_DIR, { recursive: true });
fs.writeFileSync(path.join(DICT_DIR, 'candidates.tsv'), tsv);
console.error(`candidates.tsv: ${rows.length} candidates`);

if (args.has('--boilerplate')) {
  const modern = docs.map((d, i) => [d, i]).filter(([d]) => !d.traditional);
  const stop = new Set(readList(path.join(DICT_DIR, 'stopwords.txt')));
  const inTop = new Map();
  for (const [, i] of modern) {
    const top = [...docTokenCounts[i].entries()].filter(([t]) => [...t].length >= 2 && !stop.has(t))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 200);
    for (const [t] of top) inTop.set(t, (inTop.get(t) || 0) + 1);
  }
  const need = Math.ceil(0.9 * modern.length);
  const list = [...inTop.entries()].filter(([, c]) => c >= need).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`# boilerplate evidence: top-200 in >= ${need}/${modern.length} modern reports: ${list.length} words`);
  console.log(list.map(([t, c]) => `${t}\t${c}`).join('\n'));
  const need2 = Math.ceil(0.7 * modern.length);
  const list2 = [...inTop.entries()].filter(([, c]) => c >= need2 && c < need).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`# second tier (reviewed by hand): top-200 in ${need2}..${need - 1} reports: ${list2.length} words`);
  console.log(list2.map(([t, c]) => `${t}\t${c}`).join('\n'));
}

if (!args.has('--candidates')) {
  const candSet = new Set(rows.map((r) => r.term));
  for (const [t] of ACCEPTED_CANDIDATES) if (!candSet.has(t)) console.error(`warning: accepted candidate not in candidates.tsv: ${t}`);
  const dict = buildDict();
  fs.writeFileSync(path.join(DICT_DIR, 'policy.dict.txt'), dict.map((e) => `${e.term} ${e.freq} ${e.tag}`).join('\n') + '\n');
  console.error(`policy.dict.txt: ${dict.length} entries (${HAND_TERMS.length} hand lines, ${ACCEPTED_CANDIDATES.length} accepted candidates, duplicates merged)`);
}
