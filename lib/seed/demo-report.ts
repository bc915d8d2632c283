import "server-only";
// The demo data set's finished report: 闻喜县's 2021 self-evaluation under the Shanxi 2021 scheme, written for
// the product (facts and figures follow the county's report; the wording is our own). Figures come from
// WENXI_2021_FIGURES and the prose cites them as figures, so text and data cannot disagree.
// It keeps the county's own slip on purpose: 193 schools stated, 194 by type, which the profile check flags.
//
// The texts below are written in the plain content format 1 (a string per field, figures as tokens made by `f`)
// and brought to the stored format by the same migration every row saved before rich text goes through
// (lib/report/migrate.ts), so the demo is also a standing test of that migration.
import { sectionsOf, type SectionDef } from "@/lib/report/sections";
import { SECTION_CONTENT, type SectionContent, type SectionContentKind, type TFigureValues, type TMeasure, type TProblem } from "@/lib/report/content";
import { migrateSectionContent } from "@/lib/report/migrate";
import type { TScheme } from "@/lib/template/schema";
import { WENXI_2021_FIGURES } from "@/lib/template/schemes/shanxi-2021/wenxi-figures";

/** A figure inside the format-1 texts below. */
const f = (key: string) => `{{figure:${key}}}`;

/** Format-1 shapes: prose fields are strings. */
type Prose<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type MeasureInput = Prose<Omit<TMeasure, "id">, "text">;
type ProblemInput = Prose<Omit<TProblem, "id" | "measures">, "detail"> & { measures: MeasureInput[] };

/** A format-1 section brought to the stored format and checked by its schema, as a stored row would be. */
const stored = (kind: SectionContentKind, v1: object): SectionContent => SECTION_CONTENT[kind].parse(migrateSectionContent(kind, v1)) as SectionContent;

const META = {
  title: "闻喜县人民政府办公室关于履行教育职责评价工作的自评报告",
  issuer: "闻喜县人民政府办公室",
  // The 2021 report as published names no 主送机关.
  recipient: "",
  date: "2021-11-10",
  preamble:
    "按照《山西省人民政府教育督导委员会关于印发〈2021年对市县级政府履行教育职责的评价方案〉的通知》（晋政教督〔2021〕1号）的部署，" +
    "县政府把此次评价作为全面检视教育工作的重要契机，组织县直有关部门和教育系统，" +
    "逐条对照《2021年对市县级政府履行教育职责评价细则》所列12项评价重点开展自查自评。" +
    "对自查中发现的薄弱环节和突出问题，我们逐项明确了整改措施、责任单位和完成时限，推动整改落实到位。" +
    "现将有关情况报告如下：",
};

const PROFILE =
  `闻喜县地处山西省南部，位于运城市最北端，国土面积${f("land_area")}，` +
  `下辖${f("towns")}镇、${f("townships")}乡，共有${f("villages")}行政村，常住人口${f("resident_population")}。` +
  `全县现有公办、民办各级各类学校（园）${f("school_total")}，教职工${f("staff_total")}，在校学生${f("student_total")}。` +
  `按学校类型划分，有普通高中${f("schools_senior_high")}、职业中学${f("schools_vocational")}、初级中学${f("schools_junior")}、` +
  `小学${f("schools_primary")}、幼儿园${f("schools_kindergarten")}、特殊教育学校${f("schools_special")}、九年一贯制学校${f("schools_nine_year")}。`;

type CriterionText = { narrative: string; subpoints?: Record<string, string> };

const CRITERIA: Record<string, CriterionText> = {
  party_leadership: {
    narrative:
      "县委把党的领导贯穿教育工作全过程，从领导体制、工作机制和基层组织建设三个层面同时发力。" +
      "县委教育工委统筹全县学校党建工作，推动党建与教育教学深度融合、相互促进。",
    subpoints: {
      work_mechanism:
        "县委成立了教育工作领导小组，把全县教育工作的制度设计和年度计划列为定期研究的事项。" +
        "领导小组先后审议通过了《中共闻喜县委教育工作领导小组工作规则》《中共闻喜县委教育工作领导小组办公室工作细则》" +
        "《闻喜教育振兴三年行动计划(2021—2023)》《加快推进闻喜教育现代化实施方案2019—2022年》" +
        "《关于闻喜县中小学教师“县管校聘”管理改革工作的实施意见》和表彰教育先进集体与个人的决定等一批政策性文件。" +
        "县里同步建立《闻喜县党政主要领导联系学校制度》，县党政主要领导深入闻喜中学、闻喜二中、东镇中学和特殊教育学校，" +
        "在慰问一线教师的同时走上讲台为师生讲授思政课，并围绕群众关注的教育热点焦点问题开展专题调研。",
      party_coverage:
        `县委教育工委下设党总支${f("party_general_branches")}、党支部${f("party_branches")}，另有直属支部39个、社会组织21个。` +
        `按组建方式分，单独组建的党组织${f("party_branches_standalone")}，联合组建的党组织${f("party_branches_joint")}，` +
        `临时党支部${f("party_branches_temporary")}。` +
        "凡正式党员达到3人的学校均单独建立党组织，不足3人的学校全部与邻近单位联合组建支部，全县各级各类学校党的组织和党的工作实现全覆盖。" +
        "健全的组织体系为党建工作与学校中心工作、重点任务和日常工作统筹推进、深度融合提供了有力支撑。" +
        "在2020年度全县目标责任考核中，县教科局党建工作、发展任务和专项工作三项考核均获评优秀，受到县委、县政府表彰。",
    },
  },
  evaluation_reform: {
    narrative:
      "为推动《深化新时代教育评价改革总体方案》在我县落地见效，县里研究制定了《闻喜县深化新时代教育改革实施方案》，" +
      "县教育局印发《关于贯彻落实〈深化新时代教育评价改革总体方案〉的通知》（闻教发〔2021〕11号），要求各级各类学校提高政治站位、全面落实评价改革要求。" +
      "各学校逐级制定教育评价改革负面清单，压实责任、细化分工、精准施策，对清单所列问题逐项清理、限期整改。" +
      "县里还以“强化党的全面领导、突出立德树人、回归教育根本”为题举办专题讲座，把《总体方案》与《关于深化教育教学改革全面提高义务教育质量的意见》" +
      "《义务教育质量评价指南》等文件结合起来学习，并与“闻喜教育振兴三年行动计划”的落实统筹推进。" +
      "通过多角度宣传改革举措、选树典型、总结推广经验，社会各方对评价改革的共识不断凝聚，良好的改革氛围逐步形成。",
  },
  supervision_reform: {
    narrative:
      "县政府立足全县教育发展实际，及时调整充实县政府教育督导委员会组成人员，" +
      "制定《闻喜县人民政府教育督导委员会工作规则》，明确了各成员单位履行教育工作的职责。" +
      "2021年，结合机构改革后的部门设置，县里再次调整督导委员会组成人员并修订成员单位职责分工，设立总督学、副总督学，" +
      "选配了一批与督导职能相适应的工作人员，专职督学比例进一步提高，督导机构独立行使职能有了制度保障。" +
      `自2020年起，全县公民办学校（园）全部纳入责任区督学挂牌督导，目前实行挂牌督导的学校（园）${f("supervised_schools")}，` +
      `覆盖率为${f("supervision_coverage")}。` +
      "2021年，县里将督导工作所需经费列入县级财政预算予以保障，并明确随工作需要逐步提高。",
  },
  education_funding: {
    narrative:
      "县政府坚持把教育作为财政支出的优先保障领域，严格落实教育投入的法定要求。" +
      "财政教育投入坚持只增不减，义务教育生均公用经费按标准足额安排、及时拨付。",
    subpoints: {
      two_no_decrease:
        `2021年截至10月底，全县一般公共预算教育支出${f("edu_expenditure")}，比上年增长${f("edu_expenditure_growth")}。` +
        `截至9月底，按在校生人数平均的一般公共预算教育支出比上年增长${f("edu_expenditure_per_student_growth")}。` +
        "两项支出均实现正增长，两个“只增不减”的要求落实到位。",
      county_matching_funds:
        `目前，全县义务教育生均公用经费执行标准为小学${f("public_funds_primary")}、初中${f("public_funds_junior")}。` +
        `寄宿制学校另按寄宿生人数增加公用经费补助，补助标准为${f("boarding_public_funds")}；` +
        "农村地区在校生不足100人的小规模学校，一律按100人核定公用经费；" +
        `随班就读残疾学生的公用经费按${f("disabled_student_public_funds")}安排。` +
        "县级应承担的配套资金已足额落实，各项标准均达到省定基本标准。",
    },
  },
  teachers: {
    narrative:
      "县委、县政府把教师队伍建设作为教育发展的基础工程，围绕管理体制改革、减轻教师负担和保障工资待遇三个方面统筹推进。" +
      "各项改革举措均以正式文件形式予以明确，确保有章可循、落地见效。",
    subpoints: {
      county_management:
        "依据省、市文件精神，结合全县教育教学实际，县委、县政府印发《闻喜县中小学教师“县管校聘”管理改革工作实施方案》（闻字〔2020〕9号），" +
        "县教育科技局配套出台《闻喜县中小学教职工全员竞聘工作实施方案》（闻教科发〔2020〕66号）。" +
        `全县采取校内竞聘、跨校竞聘和组织调剂相结合的办法，共聘任教职工${f("teachers_hired_by_competition")}，` +
        "教职工编制、人事关系和工资手续随之全面理顺。" +
        "此后又相继印发《闻喜县中小学教职工队伍管理办法》（闻教科发〔2021〕8号）和《中小学教师专业技术职务岗位聘任的实施意见》（闻教发〔2021〕13号），" +
        "为规范队伍管理、加强聘后管理提供了制度依据。",
      teacher_burden:
        "县委办公室、县政府办公室联合印发《闻喜县中小学教师减负清单》（闻办字〔2021〕18号），要求各级各类学校对照清单逐项执行。" +
        "各有关部门和学校严格清理与教育教学无关的事务，把时间和精力还给教师、还给课堂。" +
        "县里同时持续加强尊师重教宣传，努力为教师安心、静心、舒心从教营造更好的环境。",
      teacher_salary:
        "县政府办公室印发《闻喜县落实保障义务教育教师工资待遇工作实施意见》（闻政办发〔2021〕58号），" +
        "明确义务教育教师平均工资收入与全县公务员平均工资收入同步预算、同步调整、同步保障、同步落实，并予以优先保障。" +
        `中小学班主任津贴按不低于${f("head_teacher_allowance")}的标准核定发放。` +
        "经核算，全县义务教育教师年平均工资收入水平不低于县域公务员平均工资收入水平。",
    },
  },
  school_layout: {
    narrative:
      "县里按照省教育厅“坚持就近就便服从就优，中学向县城集聚，小学向乡镇以上集中”的布局要求，" +
      "由县政府办公室印发《闻喜县2021年义务教育学校布局优化工作实施方案》（闻政办发〔2021〕36号）。" +
      `2021年，全县撤并小学（含教学点）${f("primary_schools_merged")}、初中${f("junior_schools_merged")}，` +
      `将东镇春元小学和郭家庄祺羡小学共${f("boarding_conversions")}学校改建为寄宿制学校；` +
      `年度计划的${f("boarding_renovations_planned")}乡镇寄宿制学校改造项目全部完工，完成率为${f("boarding_renovation_rate")}。` +
      "下一步，县里将启动《闻喜县中心城区教育设施布点专项规划》编制工作，与正在编制的国土空间总体规划做好衔接，" +
      "为教育设施预留空间资源，推动教育资源合理配置，促进义务教育优质均衡发展。",
  },
  private_compulsory: {
    narrative:
      `2021年，全县义务教育阶段在校生${f("compulsory_students")}，其中小学${f("compulsory_primary_students")}、` +
      `初中${f("compulsory_junior_students")}；就读于民办学校的${f("private_compulsory_students")}，` +
      `其中小学${f("private_primary_students")}、初中${f("private_junior_students")}。` +
      `民办义务教育在校生占比为${f("private_compulsory_share")}，其中小学阶段${f("private_primary_share")}、` +
      `初中阶段${f("private_junior_share")}，明显高于5%的控制目标。` +
      "县里已制定民办义务教育发展规划，对每所民办学校逐一研究处置路径，力争到2023年将民办义务教育在校生占比降到5%以内。" +
      "该项指标目前尚未达标，已列入本报告“存在问题和改进措施”第（七）项。",
  },
  high_school: {
    narrative:
      `全县现有普通高中${f("schools_senior_high")}，其中公办${f("high_schools_public")}、民办${f("high_schools_private")}。` +
      "从办学规模看，闻喜中学和闻喜二中均为15轨，东镇中学为10轨，红旗中学为6轨，全县既没有4轨以下的小规模高中，也没有20轨以上的超大规模高中。" +
      "\n" +
      `2021年，县委、县政府为普通高中补充教师${f("high_school_teachers_added")}，并举办“新高考评价和新课程改革”专题研修，` +
      "组织全县高中校长和教师学习先行实施高考综合改革省市的经验，掌握选课走班和“3+1+2”选科组合的操作办法。" +
      "各校通过校内深学、外出研学和科学备考，全面做好新高考的衔接准备。" +
      "县里集中力量办强省级示范高中闻喜中学和市级示范高中闻喜二中，引导两校挖掘潜力、完善内部管理、加强拔尖学生培养、探索自主招生，走特色办学之路。" +
      "同时规划新建一所高中，按新高考要求配齐硬件，推进信息技术与教育教学深度融合，建设高质量智慧校园，力争使全县高中教育在全市保持优质领先。",
  },
  vocational: {
    narrative:
      "为加快推进全县职业教育改革发展，县里认真贯彻《山西省推进职业教育改革发展行动计划》，着力增强职业教育办学实力，" +
      "为全县高质量转型发展提供人才保障和智力支持。" +
      "县里建立了职业教育部门联席会议制度，将县职业中学与五四一技校的资源整合列入全县“十四五”规划，并出台《闻喜县推进职业教育改革发展行动计划》。" +
      "行动计划提出，到2022年底职业教育改革初见成效，资源整合或新建职业中学进入实施阶段；专业设置紧贴全县高质量转型发展战略；" +
      "职业学校办学水平明显提升；校企合作更加紧密，产教融合不断深化；“人人持证、技能社会”建设成效初步显现，职业教育服务县域经济社会发展的能力显著增强。",
  },
  preschool: {
    narrative:
      "县里把发展普惠性学前教育作为重要的民生工程，坚持公办民办并举，持续扩大普惠性学前教育资源供给。" +
      "学前教育普及普惠的各项目标任务均已按期完成。",
    subpoints: {
      inclusive_coverage:
        `2021年，全县新建公办幼儿园${f("public_kindergartens_new")}，即后宫乡上院幼儿园，已于当年9月正式投入使用。` +
        "县里依据《闻喜县普惠性民办幼儿园认定标准》，对爱育幼童幼儿园、红红幼儿园、行远艺术幼儿园、蓓蕾幼儿园和金山雨禾幼儿园开展认定，" +
        `${f("inclusive_kindergartens_certified")}民办园全部达标合格。` +
        `至此，全县${f("private_kindergartens")}民办幼儿园已全部认定为普惠性幼儿园，` +
        `公办园与普惠性民办园在园幼儿合计${f("inclusive_enrolled")}，普惠性幼儿园覆盖率达到${f("inclusive_kindergarten_coverage")}。`,
      gross_enrolment:
        `按出生人口统计，全县学前三年适龄儿童共${f("preschool_age_population")}，目前在园幼儿${f("preschool_enrolled")}。` +
        `全县学前三年毛入园率为${f("preschool_gross_enrolment_rate")}，超过了90%的目标要求。`,
      public_share:
        `目前，全县在园幼儿（含托班）${f("preschool_enrolled_with_nursery")}，其中公办园在园幼儿${f("public_kindergarten_enrolled")}。` +
        `公办园在园幼儿占比为${f("public_kindergarten_share")}，高于55%的目标要求，公办园在普及普惠中的骨干作用进一步增强。`,
    },
  },
  hot_issues: {
    narrative:
      "县里坚持以人民为中心的发展思想，聚焦群众反映集中的教育热点难点问题，逐项明确牵头部门和工作要求，推动问题逐步解决。" +
      "各项工作的进展情况如下。",
    subpoints: {
      double_reduction:
        "县里全面落实促进中小学生身心健康成长“十项举措”，出台《关于切实减轻学生作业负担和校外培训负担的实施方案》，" +
        "县教育局印发《闻喜县教育局关于做好义务教育课后服务工作的通知》，全县公办非寄宿制小学课后服务“5+2”模式实现全覆盖。" +
        "县教育局还印发中小学“五项管理”实施办法和《关于规范我县义务教育阶段学校作息时间的通知》，要求义务教育学校严格控制作业总量。" +
        `小学一、二年级不布置书面家庭作业，三至六年级书面作业不超过${f("homework_primary")}，初中书面作业不超过${f("homework_junior")}。`,
      unlicensed_institutions:
        "县教育局会同县公安局、县市场监管局、县应急局和县消防救援大队等部门开展联合执法，对证照不全的黑机构和列入黑名单的机构依法关停。" +
        "县里配合市教育局摸清全县学科类培训收费底数，县教育局和县发改局对学科类培训机构逐一实地核查，" +
        `明确预收费不得跨学期，最长不超过${f("prepaid_fee_period")}。` +
        "目前，全县校外培训机构办学风险保证金已全部征缴到位，户外广告牌和校园周边校外培训广告的专项清理正在推进。",
      enrolment_management:
        "县里依据《山西省中小学生学籍管理办法实施细则（暂行）》，印发《闻喜县消除义务教育阶段学校大班额专项规划》" +
        "和《关于做好2021年义务教育阶段学校新生入学工作的通知》，对招生入学和学籍管理作出具体规定。" +
        "每学期开学初，县教育局组织责任区督学进校检查，重点排查违规招生、空挂学籍、借读和大班额等问题。" +
        `目前，全县大班额班级数为${f("large_class_count")}，义务教育学校已无大班额问题。`,
      safe_lunch:
        "自2021年秋季学期起，县城区小学全面推行“放心午餐”工程，内容涵盖午餐、午休和午间课后服务三个方面。" +
        `全县${f("urban_primary_schools")}城区小学中，已有${f("lunch_schools")}提供午餐服务，占${f("lunch_school_coverage")}。` +
        `城区小学有供餐需求的学生${f("lunch_demand_students")}，已有${f("lunch_served_students")}享受到午餐服务，` +
        `占有供餐需求人数的${f("lunch_student_coverage")}。` +
        "午休场地和设施不足的问题，已列入本报告“存在问题和改进措施”第（三）项。",
      myopia:
        "县里高度重视儿童青少年近视综合防控，由县教育局组建学生健康中心专门负责学生健康工作，并成立近视防控工作领导机构。" +
        "县教育局印发《闻喜县教育局关于扎实推进儿童青少年近视防控工作的通知》，要求各学校健全制度、落实“十项举措”，" +
        "开展摸底排查和视力筛查，为学生建立视力健康档案并跟踪分析近视变化，同时启动近视防控督导考核。" +
        "目前，全县学生视力检查干预机制已基本建立，义务教育学校教室护眼灯安装全部达标，“学生健康状况综合检测评价系统”已启动运行。",
      teacher_ethics:
        "县里把师德师风建设作为规范队伍管理、提升教师素养、推动教育发展的重要抓手，" +
        "先后出台《闻喜县师德专题教育实施方案》（闻教发〔2021〕37号）、《中小学有偿补课和教师违规收受礼品礼金问题专项整治工作方案》（闻教字〔2021〕83号）" +
        "和《专项治理教育“三乱”九条禁令》（闻教发〔2021〕26号）等文件。" +
        "各学校采取集中学习、主题演讲、承诺宣誓、师德测试、典型引领和警示教育等多种形式，持续开展师德师风系列活动。" +
        "结合专项整治，重点解决了一批群众反映强烈的教师队伍突出问题。",
    },
  },
  safety: {
    narrative:
      "县里把安全稳定作为教育工作的底线，常态化开展校园安全隐患排查整治。" +
      `目前，全县${f("primary_secondary_schools")}中小学校已全部完成平安校园创建，创建率为${f("safe_campus_rate")}；` +
      `各校法治副校长全部配备到位，配备率为${f("legal_vice_principal_rate")}。` +
      `县里依托闻喜二中、实验二中建立青少年法治教育基地${f("legal_education_bases")}。` +
      "在全国青少年毒品预防教育数字化平台上，全县学校和学生的注册率均达到100%。",
  },
};

const PROBLEMS_INTRO =
  "对照评价细则逐项自查，我县教育工作虽然取得了一定成效，但仍存在一些短板和不足，主要有以下七个方面。" +
  "针对每个问题，我们逐项制定了整改措施，明确牵头单位、责任人和完成时限。";

const PROBLEMS: ProblemInput[] = [
  {
    title: "组织理论学习不够，学习效果不佳，支部对党员的教育管理不够到位",
    detail: "部分学校党组织理论学习的计划性和系统性不强，学用结合不够紧密；个别支部对党员日常教育、管理和监督抓得不够严格。",
    criterionCode: "party_leadership",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "加强理论学习，打牢理论功底。严格执行党组织学习制度，提高党员的政治敏锐性和政治鉴别力；改进学风，突出理论联系实际，提高运用所学解决实际问题的能力。",
        leadUnit: "县委教育工委",
        partnerUnits: "各学校党组织",
        owner: "县委教育工委副书记",
        deadline: "2022-06",
        status: "整改中",
      },
      {
        text: "改进工作作风，加强组织建设。坚持组织生活会制度，认真开展批评与自我批评；坚持民主集中制，重大事项集体研究、民主决策，增强班子的凝聚力和战斗力。",
        leadUnit: "县委教育工委",
        partnerUnits: "各学校党组织",
        owner: "县委教育工委副书记",
        deadline: "2022-12",
        status: "长期坚持",
      },
      {
        text: "加强廉政教育，筑牢拒腐防线。从理想信念、党性观念、宗旨意识等方面查找问题，经常性开展提醒谈话，做到早发现、早提醒、早纠正。",
        leadUnit: "县委教育工委",
        partnerUnits: "县纪委监委派驻纪检监察组",
        owner: "分管纪检工作负责人",
        deadline: "2022-12",
        status: "长期坚持",
      },
    ],
  },
  {
    title: "部分学校师德师风教育开展不够深入，教职工日常管理有待规范，教师培训的系统性和针对性不强",
    detail: "个别学校师德教育停留于一般性学习，警示教育和督查不够经常；教职工日常考核不够精细；培训内容与教师实际需求结合不紧，教师专业素养有待提高。",
    criterionCode: "teachers",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "深化师德师风学习教育。通过主题演讲、评选师德标兵等形式宣传优秀教师先进事迹，引导教师争做新时代“四有”好教师；定期与不定期相结合开展警示教育、自查整改和专项督查，营造风清气正的育人环境。",
        leadUnit: "县教育局",
        partnerUnits: "各中小学校",
        owner: "分管师德师风工作副局长",
        deadline: "2022-06",
        status: "整改中",
      },
      {
        text: "加强队伍管理，规范日常考核。在教师日常管理和考核上下足功夫，推动“县管校聘”管理改革向纵深发展，以规范管理促进教育教学质量提升。",
        leadUnit: "县教育局",
        partnerUnits: "县人社局、县编办",
        owner: "分管人事工作副局长",
        deadline: "2022-12",
        status: "整改中",
      },
      {
        text: "加大培训力度，提升综合素养。建立县级专题培训、校本研修与国培、省培相衔接的培训体系，坚持“走出去”与“请进来”相结合，持续提高教师教育教学水平。",
        leadUnit: "县教育局",
        partnerUnits: "县财政局、各中小学校",
        owner: "分管教师培训工作副局长",
        deadline: "2022-12",
        status: "整改中",
      },
    ],
  },
  {
    title: "城区小学午餐、午休配套条件不足，“放心午餐”工程尚未全面覆盖",
    detail:
      "全县8所城区小学中，仅城北小学和实验小学有可供少量学生午休的场所；1所学校没有预留食堂用房，暂未实施“放心午餐”工程；其余6所学校尚不能提供午休折叠床等设施。",
    criterionCode: "hot_issues",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "对暂不具备供餐条件的学校，通过公开招投标选定配送企业，或由邻近学校互助供餐，先行解决学生午餐需求。",
        leadUnit: "县教育局",
        partnerUnits: "县市场监管局、县财政局",
        owner: "分管后勤工作副局长",
        deadline: "2022-03",
        status: "整改中",
      },
      {
        text: "在符合消防安全条件的前提下，改造利用闲置校舍为师生提供午休场所；新建学校统筹规划午休和午间活动的场地及设施设备，适度预留空间。",
        leadUnit: "县教育局",
        partnerUnits: "县住建局、县消防救援大队",
        owner: "分管基建工作副局长",
        deadline: "2022-08",
        status: "整改中",
      },
      {
        text: "将午休所需设施设备购置纳入省义务教育薄弱环节改善与能力提升项目规划，力争2022年底前实现有午休、课后服务需求的学生全覆盖。",
        leadUnit: "县教育局",
        partnerUnits: "县财政局、县发改局",
        owner: "分管计划财务工作副局长",
        deadline: "2022-12",
        status: "未启动",
      },
    ],
  },
  {
    title: "部分民办幼儿园平安校园创建意识不强，安全管理水平不高",
    detail: "个别民办幼儿园对平安校园创建重视不够，安全管理制度执行不严，日常安全教育和隐患排查不够扎实。",
    criterionCode: "safety",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "强化民办幼儿园举办者和园长的安全责任意识，组织学习先进园所的安全管理经验，提高平安校园创建在年度考核中的分值。",
        leadUnit: "县教育局",
        partnerUnits: "各民办幼儿园",
        owner: "分管安全工作副局长",
        deadline: "2022-06",
        status: "整改中",
      },
      {
        text: "加大督导检查力度，突出日常安全管理、安全教育和校园欺凌治理等重点任务，开展校园安全专项整顿，着力化解涉校安全难点问题，严防重特大校园安全事件。",
        leadUnit: "县教育局",
        partnerUnits: "县公安局、县应急局、县市场监管局",
        owner: "分管安全工作副局长",
        deadline: "2022-12",
        status: "整改中",
      },
      {
        text: "压实安全工作责任分工，推动家庭、学校、社会协同配合，形成维护校园安全的工作合力，安全工作实行一票否决。",
        leadUnit: "县教育局",
        partnerUnits: "县公安局、各乡镇人民政府",
        owner: "分管安全工作副局长",
        deadline: "2022-12",
        status: "长期坚持",
      },
    ],
  },
  {
    title: "教育督导工作经费保障仍然偏紧",
    detail: "督导经费虽已列入县级财政预算，但与督学培训、常态化督导和民办学校监管的实际需要相比仍有差距。",
    criterionCode: "supervision_reform",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "在2022年县级财政预算中提高教育督导经费额度，保障督学培训到位和日常督导工作正常开展。",
        leadUnit: "县财政局",
        partnerUnits: "县教育局",
        owner: "分管教科文工作副局长",
        deadline: "2022-03",
        status: "整改中",
      },
      {
        text: "改进督导方式，完善学校督导体系，充分发挥责任区督学挂牌督导作用，引导学校提升管理水平和治校能力；加强对民办学校的全方位、常态化督导。",
        leadUnit: "县政府教育督导室",
        partnerUnits: "县教育局",
        owner: "县政府教育督导室主任",
        deadline: "2022-12",
        status: "长期坚持",
      },
    ],
  },
  {
    title: "学生近视校外防控引导不到位，良好用眼习惯尚未养成，视力检测频次不高",
    detail: "学校近视防控工作向家庭延伸不够，部分家长对校外用眼管理重视不足，学生使用视频类电子产品时间偏长，视力检测次数偏少。",
    criterionCode: "hot_issues",
    indicatorKey: null,
    source: "self",
    measures: [
      {
        text: "面向师生和家长开展近视防控知识培训，引导家庭增强校外视力防护意识，控制视频类电子产品使用时长，减少非学习目的的使用，养成规律健康的作息习惯，保证充足睡眠。",
        leadUnit: "县教育局",
        partnerUnits: "县卫健局、各中小学校",
        owner: "分管体卫艺工作副局长",
        deadline: "2022-06",
        status: "整改中",
      },
      {
        text: "增加学生视力检测频次，完善学生视力健康档案，把近视防控工作纳入对学校的督导检查内容。",
        leadUnit: "县教育局",
        partnerUnits: "县卫健局、县政府教育督导室",
        owner: "学生健康中心主任",
        deadline: "2022-12",
        status: "整改中",
      },
    ],
  },
  {
    title: "全县民办义务教育阶段在校生占比超过5%",
    detail: "民办义务教育在校生占比明显高于5%的控制目标，其中初中阶段民办学校在校生比重尤为突出，压减任务较重。",
    criterionCode: "private_compulsory",
    indicatorKey: "private_compulsory_share",
    source: "indicator",
    measures: [
      {
        text: "逐校明确每一所民办义务教育学校的处置方式、目标任务和完成时限，制定全县民办义务教育发展规划并分年度推进。",
        leadUnit: "县教育局",
        partnerUnits: "县发改局、县财政局、县编办",
        owner: "分管民办教育工作副局长",
        deadline: "2022-06",
        status: "整改中",
      },
      {
        text: "按照民转公、缩减招生轨数、停止办学等方式分类落实规划，同步扩充公办学位，做好相关教师和学生的安置分流。",
        leadUnit: "县教育局",
        partnerUnits: "县财政局、县人社局、县编办",
        owner: "分管民办教育工作副局长",
        deadline: "2023-08",
        status: "整改中",
      },
      {
        text: "建立压减工作定期调度和通报制度，把进展情况纳入对相关部门和学校的督导评估，确保2023年将全县民办义务教育在校生占比降至5%以内。",
        leadUnit: "县政府教育督导室",
        partnerUnits: "县教育局",
        owner: "县政府教育督导室主任",
        deadline: "2023-12",
        status: "未启动",
      },
    ],
  },
];

const NEXT_STEPS = {
  intro:
    "针对自查发现的问题，我县将坚持问题导向，紧扣闻喜教育振兴的总体目标，把提升管理水平作为根本抓手，把落实“双减”和“五项管理”作为突破重点，逐项整改、补齐短板。" +
    "我们将推动德智体美劳全面培养的教育体系更加健全，教育事业的县域特色更加鲜明，健康向上的教育风貌持续向好，" +
    "不断提高政府履行教育职责的能力和水平，确保“十四五”教育发展开好局、起好步。",
  items: [
    {
      id: "n1",
      heading: "坚持党的全面领导，扎实落实立德树人根本任务",
      body:
        "一是坚持用习近平新时代中国特色社会主义思想铸魂育人，全面贯彻党的教育方针，培养德智体美劳全面发展的社会主义建设者和接班人。" +
        "二是加强和改进学校思想政治工作，推动党史学习教育走深走实。" +
        "三是深化教育评价改革，研究制定新时代学校体育、美育和劳动教育的实施意见，健全五育并举的培养体系；" +
        "广泛开展形式多样的艺术实践活动，培育一批成熟的艺术特色品牌，推出一批在省、市有影响的艺术作品。",
    },
    {
      id: "n2",
      heading: "深化改革创新，推进教育高质量发展",
      body:
        "创新教育体制机制，优化教育布局结构，运用法治思维和创新办法抓好规划设计、政策制定和规范管理。" +
        "力争全县教育整体发展水平明显提升，逐步形成学前教育规范有序、义务教育保障有力、高中教育实现突破、职业教育创新发展、教育治理成效明显的发展格局。",
    },
    {
      id: "n3",
      heading: "加强统筹协调，为教育发展提供坚实保障",
      body:
        "一是健全教育经费投入保障机制，拓宽经费筹措渠道，加强对预算编制和执行情况的分析研判，落实各级各类教育生均拨款制度；" +
        "优化经费存量结构，新增经费重点向困难地区、关键领域和薄弱环节倾斜，更多用于教师队伍建设、教育重大改革和教育安全保障等内涵建设。" +
        "二是强化部门联动，各有关单位明确职责、主动作为，合力解决群众关心的教育热点问题。" +
        "三是深化教育督导体制机制改革，完善督导机制和体系，围绕五育并举、经费保障、“双减”和“五项管理”等重点开展督导，" +
        "用好督导结果，建强督学队伍，让教育督导真正“长牙齿”、发挥“利剑”作用。",
    },
  ],
  commitments: [] as never[],
};

/** The section's figure values, taken from WENXI_2021_FIGURES for exactly the inputs the section holds. */
function valuesFor(def: SectionDef): TFigureValues {
  return Object.fromEntries(def.inputs.map((input) => [input.key, WENXI_2021_FIGURES[input.key] ?? null]));
}

function narrativeContent(def: SectionDef, text: CriterionText): SectionContent {
  return stored("narrative", { narrative: text.narrative, subpoints: { ...text.subpoints }, values: valuesFor(def), score: null });
}

function problemsContent(): SectionContent {
  return stored("problems", {
    intro: PROBLEMS_INTRO,
    items: PROBLEMS.map((p, i) => ({
      ...p,
      id: `p${i + 1}`,
      measures: p.measures.map((m, j) => ({ ...m, id: `p${i + 1}m${j + 1}` })),
    })),
  });
}

function contentFor(def: SectionDef): SectionContent {
  if (def.kind === "meta") return stored("meta", META);
  if (def.kind === "problems") return problemsContent();
  if (def.kind === "nextSteps") return stored("nextSteps", structuredClone(NEXT_STEPS));
  if (def.partKind === "profile") return narrativeContent(def, { narrative: PROFILE });
  const text = def.criterion ? CRITERIA[def.criterion.code] : undefined;
  if (!text) throw new Error(`演示报告没有“${def.heading}”（${def.key}）的内容：它只为山西省 2021 年县级评价方案编写`);
  return narrativeContent(def, text);
}

/**
 * Content for every section of the scheme (the Shanxi 2021 county scheme; others are refused), keyed as
 * sectionsOf(scheme) keys them. Each call returns fresh objects, so callers may edit what they get.
 */
export function demoReportContents(scheme: TScheme): Record<string, SectionContent> {
  return Object.fromEntries(sectionsOf(scheme).map((def) => [def.key, contentFor(def)]));
}
