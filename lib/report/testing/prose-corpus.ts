// Paragraphs written for the prose-check precision test (lib/report/prose-precision.test.ts) in the style of county
// reports, checked against 闻喜县's 2021 figures (lib/template/schemes/shanxi-2021/wenxi-figures.ts), each with its
// known answer: the contradictions a careful reader would mark — a changed count (撤并、新建…) or a breakdown of
// something that is no figure (民办学校…其中初中4所) is not one.

/** [paragraph, the contradictions in it ("number-mismatch:<key>" or "unmet-claim:<key>")]. */
export const PARAGRAPHS: [string, string[]][] = [
  ["全县现有公民办学校（园）193所，教职工3877人，在校学生55875人，其中，高中4所、职中3所、初中10所、小学68所、幼儿园104所。", []],
  ["全县现有公民办学校（园）193所，其中初中11所、小学68所。", ["number-mismatch:schools_junior"]],
  ["2021年全县撤并小学（含教学点）46所、初中4所，东镇春元小学等2所学校改建为寄宿制学校。", []],
  ["全县民办学校共12所，其中初中4所、小学8所。", []],
  ["今年新建幼儿园3所，因生源减少撤销小学2所。", []],
  ["全县撤并初中4所，现有初中10所。", []],
  ["全县撤并初中4所，现有初中9所。", ["number-mismatch:schools_junior"]],
  ["全县学前三年毛入园率达到98.5%，超过90%的目标。", ["number-mismatch:preschool_gross_enrolment_rate"]],
  ["全县学前三年毛入园率达到99.8%，完成了90%的目标任务。", []],
  ["全县在园幼儿（含托班）12149人，其中公办园在园幼儿6676人。", ["number-mismatch:public_kindergarten_enrolled"]],
  ["全县在园幼儿（含托班）12149人，其中公办园在园幼儿6776人，公办园在园幼儿占比55.77%。", []],
  ["全县民办义务教育在校生占比为15.3%，已完成压减目标。", ["number-mismatch:private_compulsory_share", "unmet-claim:private_compulsory_share"]],
  ["力争到2023年将民办义务教育在校生占比降至5%以内。", []],
  ["民办义务教育在校生占比17.25%，已达到省定目标要求。", ["unmet-claim:private_compulsory_share"]],
  ["民办义务教育在校生占比尚未达到5%以内的要求，压减任务较重。", []],
  ["全县义务教育阶段在校生35556人，其中小学25584人、初中9972人。", []],
  ["全县义务教育阶段在校生35656人。", ["number-mismatch:compulsory_students"]],
  ["全县新增在校学生1200人，在校学生总数达到55875人。", []],
  ["今年新增教职工120人，全县教职工总数3877人。", []],
  ["全县现有教职工3900人。", ["number-mismatch:staff_total"]],
  ["全县平安校园创建率为98%。", ["number-mismatch:safe_campus_rate"]],
  ["乡镇寄宿制学校改造已完成6所，完成率100%。", []],
  ["乡镇寄宿制学校改造已完成5所，剩余1所明年完工。", ["number-mismatch:boarding_renovations_done"]],
  ["班主任津贴为450元/月，按月足额发放。", ["number-mismatch:head_teacher_allowance"]],
  ["全县8所城区小学中，有7所提供午餐服务，占88%。", []],
  ["目前全县大班额班级数为0个，义务教育学校已无大班额问题。", []],
  ["全县现有普通高中4所，其中公办高中3所、民办高中1所。", []],
  ["县教育局对阳光幼儿园、金色童年幼儿园2所民办幼儿园开展了普惠性认定。", []],
  ["全县现有普通高中4所，其中公办高中2所、民办高中1所。", ["number-mismatch:high_schools_public"]],
];
