"""One table of every string that code prints: plot labels, widget labels, check messages.

Dataset categories are English codes (``natural_search``, ``tier1``); :func:`label` turns a code
into its display name in the current language. Tests compare codes, never labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .chapters import modules

LANGUAGES = ("zh", "en")
_current = {"lang": "zh"}

STRINGS: dict[str, dict[str, str]] = {
    # course set-up and data loading
    "setup.ready": {"zh": "环境就绪：{chapter}（简体中文版），数据目录 {data}\n"
                          "以 %%demonstration 开头的单元格只展示结果，评分时跳过。",
                    "en": "Ready: {chapter} (English edition), data in {data}\n"
                          "Cells that start with %%demonstration only show results; grading skips them."},
    "data.unknown": {"zh": "没有名为 “{name}” 的数据集。可用的数据集：{names}",
                     "en": "There is no dataset called '{name}'. Available datasets: {names}"},
    "data.not_found": {"zh": "找不到课程数据（含 manifest.json 的文件夹）。请在终端运行一次 `{command}`，"
                             "它会把数据生成到 {home}；或者设置环境变量 {env}，指向已有的数据文件夹"
                             "（例如课程仓库里的 datasets 文件夹）。",
                       "en": "Cannot find the course data (a folder with manifest.json). Run `{command}` "
                             "once in a terminal: it writes the data to {home}. Or set the environment "
                             "variable {env} to a folder that holds the data (such as a course checkout's "
                             "datasets folder)."},
    "data.missing_file": {"zh": "数据文件 {path} 不存在。运行 `ecomcourse data --out \"{folder}\"` 重新生成数据。",
                          "en": "The data file {path} is missing. Run `ecomcourse data --out \"{folder}\"` to "
                                "regenerate it."},
    "data.corrupted": {"zh": "数据文件 {path} 已损坏或被修改（校验和不符）。运行 `ecomcourse data --out \"{folder}\"` "
                             "重新生成；在课程仓库里也可以恢复：git checkout -- datasets/",
                       "en": "The data file {path} is corrupted or was edited (checksum mismatch). Run "
                             "`ecomcourse data --out \"{folder}\"` to regenerate it; in a course checkout, "
                             "git checkout -- datasets/ restores it too."},
    # answer checks (visible tests)
    "check.type": {"zh": "{name} 应该是 {expected}，但得到的是 {got}。",
                   "en": "{name} should be a {expected}, but it is a {got}."},
    "check.columns": {"zh": "{name} 缺少这些列：{missing}（需要的列：{expected}）。",
                      "en": "{name} lacks these columns: {missing} (expected columns: {expected})."},
    "check.index": {"zh": "{name} 的索引应该是 {expected}，但得到的是 {got}。",
                    "en": "{name} should be indexed by {expected}, but its index is {got}."},
    "check.length": {"zh": "{name} 应该有 {expected} 行，但有 {got} 行。",
                     "en": "{name} should have {expected} rows, but it has {got}."},
    "check.percent": {"zh": "{name} = {value:.4g} 看起来像百分数：比率请用 0 到 1 之间的小数（3.5% 写成 0.035）。",
                      "en": "{name} = {value:.4g} looks like a percentage: give rates as fractions between "
                            "0 and 1 (3.5% is 0.035)."},
    "check.fraction": {"zh": "{name} = {value} 应该是 0 到 1 之间的比率。",
                       "en": "{name} = {value} should be a rate between 0 and 1."},
    "check.nan": {"zh": "{name} 里有空值（NaN），请检查分母为零或缺失的数据。",
                  "en": "{name} contains missing values (NaN): check for zero denominators or missing data."},
    "check.value": {"zh": "{name} 的数值不对：{hint}",
                    "en": "{name} has the wrong value: {hint}"},
    "check.independent": {"zh": "与独立计算的结果不符", "en": "differs from an independent computation"},
    "check.mutated": {"zh": "你的函数修改了传入的数据表，请在副本上计算（df = df.copy()）。",
                      "en": "Your function changed the table it was given: work on a copy (df = df.copy())."},
    "trusted.not_plain": {"zh": "{name} 返回的不是普通数据（数字、字符串、列表、字典、DataFrame 或 Series）：{why}",
                          "en": "{name} did not return plain data (a number, string, list, dict, DataFrame or "
                                "Series): {why}"},
    "trusted.stopped": {"zh": "评分程序在 notebook 之外核对这道题时，内核被停止（{error}），多半是超过了每个单元格的时间限制；这道题不计分。",
                        "en": "The kernel was stopped while the grader checked this exercise outside the notebook "
                              "({error}), most likely at the time limit per cell; the exercise scores nothing."},
    "trusted.unchecked": {"zh": "评分程序没能在 notebook 之外核对这道题，因此不计分。",
                          "en": "The grader could not check this exercise outside the notebook, so it scores nothing."},
    # feedback and the instructor report
    "feedback.title": {"zh": "{assignment} 评分反馈 · {student}", "en": "{assignment} feedback · {student}"},
    "feedback.total": {"zh": "得分：{score:g} / {max_score:g}", "en": "Score: {score:g} / {max_score:g}"},
    "feedback.exercise": {"zh": "练习（测试格）", "en": "Exercise (test cell)"},
    "feedback.points": {"zh": "得分", "en": "Points"},
    "feedback.result": {"zh": "结果", "en": "Result"},
    "feedback.passed": {"zh": "通过", "en": "passed"},
    "feedback.failed": {"zh": "未通过", "en": "failed"},
    "feedback.message": {"zh": "说明", "en": "Message"},
    "feedback.pending": {"zh": "待老师评分", "en": "awaiting your instructor"},
    "feedback.by_hand": {"zh": "老师已评分", "en": "graded by your instructor"},
    "feedback.blank": {"zh": "未作答", "en": "not answered"},
    "feedback.total_pending": {"zh": "（其中 {points:g} 分的答案还待老师评分）",
                               "en": "(answers worth {points:g} points still await your instructor)"},
    "feedback.late": {"zh": "迟交：提交时间 {timestamp}（UTC）晚于截止时间，按课程的迟交规则扣 {penalty:g} 分。",
                      "en": "Late: handed in at {timestamp} (UTC), after the due date; the course's late policy takes off {penalty:g} points."},
    "feedback.status.invalid": {"zh": "这份提交没有评分：它不是一个能打开的 notebook。请在 JupyterLab 里重新打开作业，保存后再提交。",
                                "en": "This submission was not graded: it is not a notebook that can be opened. Open the assignment in JupyterLab again, save it and submit again."},
    "feedback.status.missing": {"zh": "这份提交没有评分：里面没有 {notebook}.ipynb（文件名不能改）。请把作业存回这个名字再提交。",
                                "en": "This submission was not graded: it has no {notebook}.ipynb (keep the file name). Save your work under that name and submit again."},
    "feedback.status.timeout": {"zh": "这份提交没有评完：有代码运行超过了时间限制（可能是死循环）。请修改后再提交。",
                                "en": "This submission could not be graded in time: some code ran past the time limit (an endless loop?). Fix it and submit again."},
    "feedback.status.memory": {"zh": "这份提交没有评完：代码用的内存超过了限制。请不要一次生成过大的数据。",
                               "en": "This submission could not be graded: the code used more memory than allowed. Do not build very large data at once."},
    "feedback.status.kernel_died": {"zh": "这份提交没有评完：运行时内核崩溃了。请在 JupyterLab 里“重启并运行全部”检查后再提交。",
                                    "en": "This submission could not be graded: the kernel died while it ran. Use Restart and Run All in JupyterLab to check, then submit again."},
    "feedback.status.error": {"zh": "这份提交没有评完：评分时出错了，老师会看到这条记录。",
                              "en": "This submission could not be graded: grading failed, and your instructor has been told."},
    "feedback.status.too_large": {"zh": "这份提交没有评分：它有 {size_mb:.1f} MB，超过了 {limit_mb} MB 的上限。请清除输出（编辑 → 清除所有输出）后再提交。",
                                  "en": "This submission was not graded: it is {size_mb:.1f} MB, above the {limit_mb} MB limit. Clear the outputs (Edit → Clear All Outputs) and submit again."},
    "feedback.status.limit": {"zh": "这份提交已保存，但没有评分：本章每人最多评分 {limit} 次，你已用完。最后一次评分的成绩有效。",
                              "en": "This submission is kept but was not graded: each student gets {limit} graded submissions for this chapter, and you have used them all. Your last graded score stands."},
    "feedback.status.off": {"zh": "这份提交已保存。本章不在提交时自动评分，老师会统一评分。",
                            "en": "This submission is kept. This chapter is not graded on submit: your instructor will grade it."},
    "feedback.status.superseded": {"zh": "这份提交已保存，但你之后又提交了一次（{timestamp}），评分以那一次为准。",
                                   "en": "This submission is kept, but you submitted again later ({timestamp}); that one is graded."},
    "feedback.status.tampered": {"zh": "这份 notebook 里的测试被改动或绕过了：评分程序用课程自己的测试、在你的 notebook 之外给答案评分。老师会看到这条记录。",
                                 "en": "The tests in this notebook were changed or got around: the grader scored your "
                                       "answers with the course's own tests, outside your notebook. Your instructor "
                                       "sees this."},
    "feedback.hidden": {"zh": "隐藏测试的代码不会显示；上面的说明告诉你哪里不对。",
                        "en": "Hidden test code is not shown; the messages above say what went wrong."},
    "report.title": {"zh": "评分报告：{assignments}", "en": "Grading report: {assignments}"},
    "report.summary": {"zh": "{students} 名学员，平均 {mean:.1f} / {max_score:g} 分；沙箱：{sandbox}",
                       "en": "{students} students, mean {mean:.1f} / {max_score:g}; sandbox: {sandbox}"},
    "report.pending": {"zh": "{answers} 份答案（{grade_ids}）还等老师在 formgrader 里评分；评完后运行 ecomcourse report 更新各文件。",
                       "en": "{answers} answers ({grade_ids}) still await a grade by hand in formgrader; afterwards run ecomcourse report to update every file."},
    "report.late": {"zh": "迟交的提交", "en": "Late submissions"},
    "report.late_columns": {"zh": "学员|作业|提交时间（UTC）|扣分", "en": "Student|Assignment|Handed in (UTC)|Penalty"},
    "report.distribution": {"zh": "总分分布", "en": "Distribution of total scores"},
    "report.pass_rate": {"zh": "各练习通过率", "en": "Pass rate per exercise"},
    "report.messages": {"zh": "各练习最常见的失败原因", "en": "Most common failure messages per exercise"},
    "report.attention": {"zh": "需要关注的提交（未评分、超时、被标记……）", "en": "Submissions needing attention (not graded, timed out, flagged, …)"},
    "report.students": {"zh": "学员数", "en": "Students"},
    "report.score": {"zh": "总分", "en": "Total score"},
    "report.count": {"zh": "次数", "en": "Count"},
    "report.none": {"zh": "无", "en": "None"},
    # plots and widgets
    "widget.all": {"zh": "全部", "en": "All"},
    "axis.date": {"zh": "日期", "en": "Date"},
    "axis.gmv": {"zh": "成交额（元）", "en": "GMV (yuan)"},
    "axis.cr": {"zh": "支付转化率", "en": "Conversion rate"},
    "axis.share": {"zh": "占比", "en": "Share"},
    "axis.customers": {"zh": "客户数", "en": "Customers"},
    "axis.roas": {"zh": "投产比 ROAS", "en": "ROAS"},
    "legend.break_even": {"zh": "盈亏平衡 ROAS = {value:.2f}", "en": "Break-even ROAS = {value:.2f}"},
    "kpi.uv": {"zh": "访客数 UV", "en": "Visitors (UV)"},
    "kpi.cr": {"zh": "支付转化率", "en": "Conversion rate"},
    "kpi.aov": {"zh": "客单价", "en": "Spend per buyer"},
    "kpi.gmv": {"zh": "成交额 GMV", "en": "GMV"},
}

LABELS: dict[str, dict[str, str]] = {
    "natural_search": {"zh": "自然搜索", "en": "Natural search"},
    "paid_ads": {"zh": "付费推广", "en": "Paid ads"},
    "homepage_feed": {"zh": "首页推荐", "en": "Homepage feed"},
    "live_room": {"zh": "直播间", "en": "Live room"},
    "social_share": {"zh": "社交分享", "en": "Social share"},
    "other": {"zh": "其他", "en": "Other"},
    "mobile": {"zh": "移动端", "en": "Mobile"},
    "pc": {"zh": "PC 端", "en": "PC"},
    "taobao": {"zh": "淘宝", "en": "Taobao"},
    "tmall": {"zh": "天猫", "en": "Tmall"},
    "jd": {"zh": "京东", "en": "JD"},
    "pinduoduo": {"zh": "拼多多", "en": "Pinduoduo"},
    "douyin": {"zh": "抖音", "en": "Douyin"},
    "tier1": {"zh": "一线", "en": "Tier 1"},
    "new_tier1": {"zh": "新一线", "en": "New tier 1"},
    "tier2": {"zh": "二线", "en": "Tier 2"},
    "tier3": {"zh": "三线", "en": "Tier 3"},
    "tier4_below": {"zh": "四线及以下", "en": "Tier 4 and below"},
    "female": {"zh": "女", "en": "Female"},
    "male": {"zh": "男", "en": "Male"},
    "apparel": {"zh": "服饰", "en": "Apparel"},
    "beauty": {"zh": "美妆", "en": "Beauty"},
    "home": {"zh": "家居", "en": "Home"},
    "food": {"zh": "食品", "en": "Food"},
    "digital": {"zh": "数码配件", "en": "Digital accessories"},
    "view": {"zh": "浏览商品", "en": "View"},
    "cart": {"zh": "加购", "en": "Add to cart"},
    "order": {"zh": "下单", "en": "Order"},
    "pay": {"zh": "支付", "en": "Pay"},
    "high": {"zh": "高价值", "en": "High value"},
    "mid": {"zh": "中价值", "en": "Mid value"},
    "low": {"zh": "低价值", "en": "Low value"},
    "dormant": {"zh": "沉睡", "en": "Dormant"},
    "ztc_search": {"zh": "直通车（搜索）", "en": "Zhitongche (search)"},
    "super_recommend": {"zh": "超级推荐（信息流）", "en": "Super Recommend (feed)"},
    "display_cpm": {"zh": "展示广告（CPM）", "en": "Display ads (CPM)"},
    "taobaoke": {"zh": "淘宝客", "en": "Taobaoke affiliates"},
    "qianchuan": {"zh": "巨量千川", "en": "Qianchuan (Douyin)"},
    "pdd_search": {"zh": "多多搜索", "en": "Duoduo Search"},
    "jd_kuaiche": {"zh": "京东快车", "en": "JD Kuaiche"},
    "logistics": {"zh": "物流费", "en": "Logistics"},
    "platform_fees": {"zh": "平台佣金与技术服务费", "en": "Platform fees"},
    "staff": {"zh": "人工", "en": "Staff"},
    "rent_it": {"zh": "房租与系统", "en": "Rent and IT"},
}


for _strings in modules("strings"):  # each chapter's own, keyed chNN.*
    STRINGS.update(_strings.STRINGS)
    LABELS.update(_strings.LABELS)


def set_language(lang: str) -> None:
    """Set the language of every string code prints (``"zh"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _current["lang"] = lang


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Strings in ``lang`` inside the ``with`` block, the previous language after it."""
    previous = get_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def get_language() -> str:
    return _current["lang"] if _current["lang"] in LANGUAGES else "zh"


def t(key: str, **values: object) -> str:
    """The string ``key`` in the current language, formatted with ``values``."""
    return STRINGS[key][get_language()].format(**values)


def label(code: str) -> str:
    """Display name of a dataset category code; unknown codes are shown as they are."""
    return LABELS.get(code, {}).get(get_language(), code)
