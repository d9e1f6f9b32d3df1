/**
 * Word lists for the synthetic benchmark corpus (see corpus-gen.ts). Data only.
 * Lists are space- or `|`-separated strings so that the file stays short and readable.
 */

const w = (s: string): string[] => s.split(" ");
const z = (s: string): string[] => s.split("|");

/**
 * The Chinese nouns of translation paragraphs, headings and summaries (ZH.nouns, in this order), each
 * with the share of real posts whose text holds it (and each glossary term of GLOSSARY, its last field):
 * counted in the 92 real posts of the shared corpus (2026-12-01), but 泛化能力, which the archive holds
 * in fewer posts than 泛化 alone (258 of 9,174 in the issue that measured the archive's search, where
 * 模型 is in 3,697, 40 %, as in the sample, and 对齐 in 426, 4.6 %). A post draws its own nouns with
 * these chances (corpus-gen.ts), so a word is as frequent across posts as in the archive: drawn from
 * the whole list in every sentence, every noun was in 98 % or more of the generated posts. Words the
 * sample never holds count as 1 %.
 */
export const ZH_NOUN_SHARE: Readonly<Record<string, number>> = {
  问题: 0.85, 市场: 0.57, 模型: 0.41, 数据: 0.64, 能力: 0.71, 风险: 0.5, 未来: 0.73, 技术: 0.65, 经济: 0.51, 产品: 0.48,
  团队: 0.41, 战略: 0.22, 价值: 0.53, 趋势: 0.39, 泛化能力: 0.025, 供应链: 0.12, 利率: 0.2, 通货膨胀: 0.08, 算力: 0.08, 基础设施: 0.32,
  商业模式: 0.15, 竞争优势: 0.05, 教育: 0.15, 社会: 0.38, 历史: 0.48, 文化: 0.36, 政策: 0.38, 关税: 0.14, 芯片: 0.18, 能源: 0.22,
  资本: 0.34, 估值: 0.2, 人才: 0.15, 组织: 0.41, 文明: 0.09, 大脑: 0.26, 意识: 0.46, 记忆: 0.18, 习惯: 0.22, 创造力: 0.08,
  生产力: 0.15, 就业: 0.22, 债务: 0.21, 房地产: 0.18, 货币: 0.21, 信任: 0.21, 地缘政治: 0.17, 全球化: 0.08, 制造业: 0.11, 软件: 0.28,
  代码: 0.27, 工作流: 0.13, 评估指标: 0.03, 强化学习: 0.12, 预训练: 0.07, 推理: 0.14, 安全性: 0.08, 对齐: 0.04, 开源社区: 0.01, 用户体验: 0.02,
  增长: 0.47, 利润: 0.22, 现金流: 0.08, 护城河: 0.05, 自动化: 0.15, 机器人: 0.18, 医疗: 0.16, 科学研究: 0.05, 个人成长: 0.02, 幸福感: 0.01,
  焦虑: 0.15, 家庭: 0.34, 婚姻: 0.03, 孩子: 0.37, 心理健康: 0.03,
};

/** Chinese building blocks for translation paragraphs, headings and summaries. */
export const ZH = {
  subjects: z("我|我们|你|他们|她|这个模型|很多人|整个行业|这家公司|投资者|研究人员|工程师|政府|市场|消费者|年轻人|大多数人|美联储|中国|美国|欧洲|创业公司|开发者|用户|这个团队|传统企业|学术界|监管机构|普通人|管理层"),
  adverbs: z("其实|真的|可能|已经|一直|非常|某种程度上|基本上|显然|确实|逐渐|仍然|往往|几乎|正在|突然|始终|越来越|并不|也许|恰恰|无疑|本质上|通常"),
  verbs: z("认为|发现|讨论|理解|构建|改变|推动|面临|需要|解决|看到|意识到|提高|投入|训练|部署|预测|衡量|解释|低估了|高估了|重新定义了|押注|关注|忽视了|依赖|优化|拥抱|质疑|探索|控制|扩大|减少|影响|取代"),
  adjectives: z("重要的|关键的|巨大的|新的|复杂的|根本性的|长期的|短期的|真正的|核心的|不同的|潜在的|全球的|结构性的|系统性的|昂贵的|廉价的|高效的|脆弱的|稳定的|可持续的|危险的|有趣的|疯狂的"),
  nouns: Object.keys(ZH_NOUN_SHARE),
  connectors: z("但是|所以|而且|因此|不过|与此同时|换句话说|比如说|事实上|另一方面|坦白说|归根结底|更重要的是|说到底|首先|其次|最后|总的来说|有意思的是|问题在于"),
  fillers: z("你知道|我的意思是|说实话|对吧|老实讲|某种意义上|我觉得|我想说的是|嗯"),
  clauses: z("这一点非常关键|这让人很难理解|这件事并没有那么简单|大家都没有预料到|这背后有很深的原因|结果完全出乎意料|这就是我们今天要讨论的|这改变了整个格局|情况正在迅速变化|没有人真正知道答案|这是一个长期的过程|成本会持续下降|这里存在一个悖论|这其实是一种错觉|短期内很难看到效果|时间会证明一切"),
  short: z("当然。|没错。|是的。|确实如此。|好的。|有意思。|什么意思？|为什么？|完全同意。|我不这么认为。|对，就是这样。|这很有趣。|好吧，有意思。|谢谢你。|请继续。|嗯，我明白了。"),
  inlineEnglish: w("AI GPU Transformer API LLM CEO GDP ChatGPT AGI Python SaaS ETF M2 CPU IPO Agent Prompt"),
  headingPrefixes: z("引言：|结语：|第一部分：|第二部分：|为何|如何|从|关于||||||||||"),
  headingJoiners: z("与|的|和|背后的|中的|带来的|对|走向"),
  titleTails: z("深度对话|专访|访谈|演讲|圆桌讨论|深度解读|全面分析|对谈|纪录片"),
};

/** Glossary entries rendered as `**术语**（English: 解释）`, each with its share of real posts (ZH_NOUN_SHARE says how counted). */
export const GLOSSARY: ReadonlyArray<readonly [string, string, string, number]> = [
  ["规模定律", "Scaling Law", "模型性能随参数、数据和算力增长而提升的经验规律", 0.02],
  ["API", "Application Programming Interface", "应用程序编程接口", 0.15],
  ["LLM", "Large Language Models", "大语言模型", 0.17],
  ["上下文窗口", "Context Window", "模型在处理任务时能够同时考虑的输入信息量", 0.02],
  ["强化学习", "Reinforcement Learning", "通过奖励信号让智能体学习最优策略的方法", 0.12],
  ["代理", "Agent", "能够自主感知环境、做出决策并执行行动的 AI 实体", 0.16],
  ["价值函数", "Value Function", "估计某个状态长期回报的函数", 0.02],
  ["预训练", "Pre-training", "在大规模数据上进行的初始训练阶段", 0.07],
  ["量化宽松", "Quantitative Easing", "央行通过购买资产向市场注入流动性的政策", 0.03],
  ["收益率曲线", "Yield Curve", "不同期限债券收益率的连线", 0.01],
  ["护城河", "Moat", "企业抵御竞争对手的持久优势", 0.05],
  ["边际成本", "Marginal Cost", "多生产一单位产品所增加的成本", 0.01],
  ["确认偏误", "Confirmation Bias", "倾向于寻找支持自己既有观点的信息", 0.01],
  ["神经可塑性", "Neuroplasticity", "大脑根据经验重塑自身结构的能力", 0.02],
  ["供应链", "Supply Chain", "从原材料到最终产品的整个生产与流通网络", 0.12],
  ["模拟计算", "Analog Computing", "利用连续物理量进行计算的方式", 0.01],
  ["MCP", "Model Context Protocol", "规范 AI 代理与外部工具交互的协议", 0.05],
  ["微调", "Fine-tuning", "在特定数据上继续训练预训练模型", 0.09],
  ["幻觉", "Hallucination", "模型生成看似合理但并不真实的内容", 0.04],
  ["复利", "Compound Interest", "利息再产生利息的增长方式", 0.07],
  ["去全球化", "Deglobalization", "各国经济联系减弱的趋势", 0.01],
  ["第一性原理", "First Principles", "从最基本的事实出发进行推理的方法", 0.05],
  ["推理模型", "Reasoning Model", "能够分步骤思考复杂问题的模型", 0.02],
  ["Vibe Coding", "Vibe Coding", "依靠自然语言描述、让 AI 生成大部分代码的编程方式", 0.01],
];

/** English building blocks for the original-language blocks. */
export const EN = {
  subjects: w("I we you they people"),
  modals: ["can", "should", "will", "need to", "want to", "have to", "might", "don't", "can't", "would", "try to", "tend to"],
  verbs: w("build change understand see measure train deploy fix scale ship explain predict control reduce improve question explore trust fund hire replace learn use solve"),
  dets: w("the a this that our their some every"),
  adjectives: w("new real big hard important different strong weak simple complex long-term basic open huge cheap expensive global local human digital"),
  nouns: w("model market problem company product team data future economy system question idea thing world policy chip energy capital price talent research company industry workflow agent benchmark country war trade bubble risk tool brain habit"),
  adverbs: w("really actually basically probably clearly just still always never obviously"),
  openers: ["So ", "And ", "But ", "Okay, ", "Right, ", "I mean, ", "You know, ", "Well, ", "Look, ", "Honestly, ", "", "", "", "", ""],
  tails: [" in the long run", " at scale", " over time", ", right", " right now", " in practice", " for a while", ", you know", " on day one", " this year", "", "", "", ""],
  short: ["Sure.", "Yeah.", "Exactly.", "Right.", "Meaning what?", "Why?", "Interesting.", "Okay, interesting.", "No, I don't think so.", "Thank you.", "Go on.", "Totally."],
};

/** Taxonomy seeds: real-looking head values first, then parts for combinatorial growth. */
export const TAX = {
  baseTags: w("llm code business technology system health culture strategy learning language investment development philosophy market trade society skill science scaling-law risk research psychology personal-growth mindset industry history growth evolution economic-outlook ai-bubble venture-capital supply-chain geopolitics education leadership productivity innovation startup energy china inflation interest-rate ai-agent open-source robotics semiconductor climate democracy media career parenting wellbeing crypto real-estate software-engineering vibe-coding prediction-market trade-war us-china-relations canada japan europe"),
  zhTags: z("人工智能|地缘政治|宏观经济|个人成长|投资理念|中美关系|科技史|心理学|创业|教育|房地产|能源转型|半导体|育儿|健康"),
  tagMods: w("ai economic global open-source digital financial corporate political social cognitive strategic technical monetary fiscal energy climate supply-chain data cloud mobile enterprise consumer industrial military cultural historical personal emotional creative scientific medical legal urban rural national regional labor market tech venture deep long-term short-term human machine quantum nuclear green retail crypto media platform developer product design security privacy"),
  tagHeads: w("policy strategy bubble cycle risk growth analysis model trend innovation regulation competition ethics infrastructure adoption transformation safety alignment evaluation scaling efficiency productivity leadership culture crisis recovery reform outlook debate history theory practice thinking bias habits learning training inference agents tools workflow economics investing valuation governance security resilience sovereignty diplomacy dynamics network literacy collapse boom decline"),
  people: z("Ilya Sutskever|Yann LeCun|Sam Altman|Jensen Huang|Elon Musk|Warren Buffett|Charlie Munger|Dario Amodei|Demis Hassabis|Geoffrey Hinton|Andrej Karpathy|Satya Nadella|Ray Dalio|Stan Druckenmiller|Xi Jinping|Donald Trump|Jerome Powell|Mark Zuckerberg|Lisa Su|Naval Ravikant"),
  firstNames: w("Alex Ben Chris Dana Emma Felix Grace Henry Iris Jack Kate Leo Maya Noah Olivia Paul Quinn Rosa Sam Tara Uma Victor Wendy Xavier Yuki Zoe Adam Bella Carlos Diana Ethan Fiona George Hannah Ivan Julia Kevin Laura Marco Nina Oscar Priya Raj Sofia Tom Vera Will Yara Zhang Li Wang Chen Liu Mei Jun Hiro Aiko Omar Lena Pedro Ana Lars Eva"),
  lastNames: w("Smith Johnson Lee Brown Garcia Miller Davis Wilson Taylor Anderson Thomas Moore Martin Jackson White Harris Clark Lewis Walker Hall Young King Wright Lopez Hill Scott Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Rivera Cooper Richardson Cox Howard Ward Torres Peterson Gray Ramirez Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington Butler Simmons Foster"),
  companies: z("OpenAI|Anthropic|Google|Meta|Nvidia|Microsoft|TSMC|Apple|Amazon|Tesla|Intel|Databricks|Robinhood|Zapier|SpaceX|DeepMind|ByteDance|Alibaba|Berkshire Hathaway|BlackRock"),
  companyStems: w("Apex Blue North Quantum Silver Iron Bright Deep Clear Nova Orbit Vertex Summit Harbor Cedar Falcon Atlas Pioneer Horizon Lumen Signal Granite Aurora Beacon Cobalt Delta Ember Fjord Helix Indigo Juniper Kepler Lattice Meridian Nimbus Onyx Polar Radiant Sable Tidal Umbra Vector Willow Zenith Crescent Prism Sterling Titan Echo Mosaic"),
  companySuffixes: ["Labs", "AI", "Capital", "Systems", "Robotics", "Bank", "Partners", "Ventures", "Energy", "Semiconductor", "Health", "Media", "Group", "Technologies", "Research", "Dynamics", "Networks", "Foundation", "Institute", "Motors"],
  products: z("ChatGPT|Claude|Gemini|GPT-4|GPT-3|Codex|Cursor|TPU|Transformer|AlexNet|DeepSeek R1|Llama|Copilot|iPhone|Vision Pro|Optimus|Kubernetes|PyTorch|CUDA|Sora"),
  productSuffixes: ["2", "3", "Pro", "Max", "Mini", "X", "Studio", "Cloud", "OS", "Agent", "Vision", "Code", "Chat", "Flash", "Ultra", "R1", "Lite", "One", "Edge", "Plus"],
  media: z("Star Trek|Financial Times|The Innovator's Dilemma|Sapiens|Odd Lots|The Pale Blue Dot|Zero to One|Thinking, Fast and Slow|The Wealth of Nations|Dune|The Three-Body Problem|Poor Charlie's Almanack"),
  mediaAdjs: w("Hidden Silent Last Infinite Broken Quiet Great Second Golden Invisible Lost Open Wild Long Deep Fragile Radical Human Digital Final"),
  mediaNouns: w("Machine Empire Mind Frontier Republic Signal Code Crowd Bet Cycle Game Map Question Promise Engine Garden Bridge Horizon Algorithm Paradox"),
  projects: w("ai-impact-analysis systems-thinking entrepreneurship investment-research learning-notes career-planning health-tracking china-watch macro-watch reading-list"),
  projectMods: w("ai macro china career health learning investing writing tech policy energy family"),
  projectHeads: w("notes watch analysis research tracking review playbook digest map framework"),
};

/** Small fixed vocabularies for the single-valued front-matter keys. */
export const META = {
  channels: z("TED|a16z|Dwarkesh Patel|TVO Today|Norges Bank Investment Management|Amit Kukreja|AI Engineer|New York Times Podcasts|The Pragmatic Engineer|The Diary Of A CEO|Big Think|Latent Space|How I AI|Bloomberg Podcasts|Anthropic|EO|veritasium|The Knowledge Project Podcast|超級歪 SuperY|小翠時政財經"),
  areas: w("tech-engineering society-thinking finance-wealth geopolitics life-family tech-insights work-career health-wellness"),
  categories: w("technology finance geopolitics general business psychology culture macro-economy stock-investment business-entrepreneurship ai-ml tech-trends science culture-history ai-application health education history"),
  series: z("AI 工程师大会 2025|投资大师系列|宏观经济月报|Acquired 精选|科学前沿"),
  labels: w("Ilya Dwarkesh Nick Claire Lex Tim Sarah Ben David Emily Michael Jessica Naveen Stan Chris Kevin Lisa Mark Anna Tom Ryan Amy Daniel Sophie"),
  zhLabels: z("主持人|嘉宾|旁白|采访者"),
  summaryVariants: ["View/Hide Original Original English", "V/H Original English", "查看/隐藏英文原文 / View/Hide Original English", "- View/Hide Original English", "View/H ide Original English"],
  newSummaryVariants: ["Original English-12", "Original English Source", "Original English-3"],
};

/** What the real archive adds to the lists above: Chinese names, more categories and channels, Traditional spellings. */
export const ARCHIVE = {
  // Surnames and given-name characters of Chinese names (`张磊`, `王小川`); transliterated foreign names join with `·`.
  zhSurnames: z("王|李|张|刘|陈|杨|黄|赵|吴|周|徐|孙|马|朱|胡|郭|何|高|林|罗|郑|梁|谢|宋|唐|许|韩|冯|邓|曹|彭|曾|肖|田|董|袁|潘|于|蒋|蔡|余|杜|叶|程|苏|魏|吕|丁|任|沈"),
  zhGiven: z("伟|芳|娜|敏|静|磊|强|军|洋|勇|艳|杰|涛|明|超|秀|霞|平|刚|桂|华|飞|鹏|宇|浩|晨|欣|博|文|斌|宁|凯|峰|俊|云|帆|志|远|嘉|思"),
  foreignGiven: z("杰罗姆|迈克尔|约翰|大卫|詹姆斯|罗伯特|威廉|理查德|托马斯|查尔斯|丹尼尔|马修|安德鲁|克里斯|史蒂夫|彼得|保罗|马克|斯坦|雷|艾伦|凯文|布莱恩|乔治"),
  foreignFamily: z("鲍威尔|巴菲特|芒格|达利欧|马斯克|黄|索罗斯|克鲁格曼|萨默斯|伯南克|耶伦|费曼|卡尼|特朗普|拜登|普京|弗里德曼|凯恩斯|哈耶克|德鲁肯米勒|弗罗曼|莱登|克洛普|科斯"),
  // Organisations and products as the archive names them in Chinese, with the Traditional spelling some posts use.
  zhOrgs: z("台积电|英伟达|腾讯|华为|阿里巴巴|微软|苹果|谷歌|特斯拉|美联储|中国人民银行|字节跳动|小米|比亚迪|宁德时代|国家统计局|财政部|欧洲央行|日本央行|国际货币基金组织"),
  zhOrgsTraditional: z("台積電|輝達|騰訊|華為|阿里巴巴|微軟|蘋果|谷歌|特斯拉|美聯儲|中國人民銀行|字節跳動|小米|比亞迪|寧德時代|國家統計局|財政部|歐洲央行|日本央行|國際貨幣基金組織"),
  zhPeople: z("习近平|黄仁勋|马斯克|鲍威尔|巴菲特|李强|雷军|任正非|马云|张一鸣|王传福|刘鹤|易纲|潘功胜|董明珠"),
  zhPeopleTraditional: z("習近平|黃仁勳|馬斯克|鮑威爾|巴菲特|李強|雷軍|任正非|馬雲|張一鳴|王傳福|劉鶴|易綱|潘功勝|董明珠"),
  zhOrgKinds: z("集团|科技|资本|银行|研究院|基金会|证券|控股"),
  productWords: w("Nova Pulse Core Spark Orbit Flux Echo Atlas Vega Lyra Astra Zen Aero Terra Quanta Halo Sigma Delta Omega Prime"),
  categoryWords: w("ai tech finance macro geo health life work culture science history energy policy market media education family society security crypto"),
  categoryKinds: w("economy investing trends insights analysis application engineering strategy growth news"),
  areaExtra: w("science-nature arts-culture education-learning policy-law energy-climate media-entertainment crypto-web3 china-watch us-politics global-markets history-ideas security-defense"),
  channelStems: z("硅谷|华尔街|财经|科技|商业|投资|宏观|时政|读书|历史|思想|创业|未来|全球|深度|老王|小李|阿明|大刘|西岸"),
  channelKinds: z("观察|评论|频道|拍案|101|电台|夜话|研究所|之声|笔记"),
  enChannelStems: w("Lex Acquired Invest Founders Stratechery Decoder Hardfork Pivot Prof Tim Peter Sam Chris Ben Alex Huberman Freakonomics Odd Masters"),
  enChannelKinds: ["Podcast", "Show", "Talks", "Weekly", "Daily", "Live", "Lab", "Notes"],
  // `**《书名》**` and `**“引语”**`: bold around CJK punctuation, which CommonMark alone does not read as bold.
  books: z("三体|原则|穷查理宝典|创新者的窘境|人类简史|置身事内|枪炮、病菌与钢铁|思考，快与慢|从零到一|黑天鹅|大国大城|国富论|资本论|百年孤独|低于零"),
  quotes: z("长期贪婪，短期不傻|先买后分析|慢就是快|别人恐惧我贪婪|护城河|第一性原理|能力圈|反脆弱|躺平|内卷|降本增效|新质生产力"),
  zhSpeakerRoles: z("主持人|嘉宾|旁白|采访者|观众|记者"),
};
