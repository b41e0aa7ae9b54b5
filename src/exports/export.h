/* export.h - the report model behind `slacheck export` and `diff -o
 * x.{xlsx,html,md}`: one or more loaded and validated checklists, their
 * comparison (also for a single vendor), the buyer's profile results, and
 * per vendor and category the standing the charts show. Every report
 * writer (XLSX, HTML, Markdown, JSON, TSV/CSV) walks this one model; the
 * labels they print come from one table here, in Japanese or English.
 *
 * A writer is given the path of a fresh temporary file to fill; the
 * caller renames it into place (or copies it to a pipe or device), so a
 * writer never has to care about atomicity. Writers never print and
 * never exit: trouble comes back as an slc_status with err filled in. */
#ifndef SLC_EXPORT_H
#define SLC_EXPORT_H

#include <stddef.h>

#include "compare.h"
#include "doc.h"
#include "status.h"
#include "summary.h"
#include "util.h"

struct slc_profile;

/* One vendor's standing in one category (one bar group of the charts). */
typedef struct slc_export_stats {
    size_t items;       /* items of the category in the checklist */
    size_t answered;    /* of those, present in the vendor's file */
    size_t yes;         /* answered 有 (presence yes) */
    size_t no;          /* answered 無 */
    size_t undisclosed; /* says the value is not disclosed */
    size_t missing;     /* not in the file */
    size_t req_total;   /* profile requirements on items of the category */
    size_t req_met;     /* of those, met */
} slc_export_stats;

typedef struct slc_export {
    const slc_catalog *cat;
    slc_doc **docs;                    /* borrowed; validated (findings filled) */
    size_t n;                          /* vendors, at least 1 */
    const slc_comparison *cmp;         /* borrowed; n columns, catalog order */
    const struct slc_profile *profile; /* or NULL; results in docs[v]->profile */
    slc_lang lang;
    int comparison_only;       /* diff -o: no findings, no per-vendor details */
    const unsigned char *show; /* per catalog index: 1 to include; NULL all */
    const char *title;         /* report title (arena) */
    const char *generator;     /* "slacheck 0.1.0" */
    slc_export_stats *stats;   /* [vendor * ncategories + category] */
    size_t counts[3];          /* findings over all vendors: info, warning, error */
    size_t (*vcounts)[3];      /* per vendor */
    slc_summary summary;       /* the summary page (summary.h), built with the model */
    const char **words;        /* [SLC_XL_N]: the template's word, or NULL (slc_export_word) */
    slc_arena arena;
} slc_export;

/* Builds the model. docs must have been validated (slc_validate) and, with
 * a profile, evaluated; cmp must compare exactly these docs. */
slc_export *slc_export_new(slc_doc **docs, size_t n, const slc_comparison *cmp,
                           const struct slc_profile *profile, slc_lang lang);
void slc_export_free(slc_export *x);
/* Limits the report to the items show marks (per catalog index, 1 to
 * include; NULL all; borrowed) and recomputes the summary for them. */
void slc_export_set_show(slc_export *x, const unsigned char *show);

const slc_export_stats *slc_export_stat(const slc_export *x, size_t vendor, size_t category);
/* 1 if the item at catalog index i is in the report */
int slc_export_shows(const slc_export *x, size_t i);

/* ---- labels: every fixed word a report prints, ja or en ---- */
typedef enum slc_xlabel {
    SLC_XL_TITLE_ONE,     /* "Cloud service level checklist: %s" */
    SLC_XL_TITLE_MANY,    /* "Cloud service level checklist: %zu vendors compared" */
    SLC_XL_SUMMARY,       /* 概要 / Summary */
    SLC_XL_COMPARISON,    /* 比較 / Comparison */
    SLC_XL_FINDINGS,      /* 検証結果 / Findings */
    SLC_XL_DETAILS,       /* 回答の詳細 / Answers */
    SLC_XL_REQUIREMENTS,  /* 要件 / Requirements */
    SLC_XL_LEGEND,        /* 凡例 / Legend */
    SLC_XL_CHART,         /* 種別ごとの状況 / Standing per category */
    SLC_XL_VENDOR,        /* ベンダー / Vendor */
    SLC_XL_FILE,          /* ファイル / File */
    SLC_XL_ENCODING,      /* 文字コード / Encoding */
    SLC_XL_LINE,          /* 行 / Line */
    SLC_XL_NO,            /* No. */
    SLC_XL_SECTION,       /* 区分 / Section */
    SLC_XL_CATEGORY,      /* 種別 / Category */
    SLC_XL_ITEM,          /* サービスレベル項目 / Service level item */
    SLC_XL_DEFINITION,    /* 規定内容 / Definition */
    SLC_XL_UNIT,          /* 測定単位 / Unit */
    SLC_XL_ANSWER,        /* 回答 / Answer */
    SLC_XL_REMARKS,       /* 備考 / Remarks */
    SLC_XL_FACTS,         /* 読み取った事実 / Facts read */
    SLC_XL_VERDICT,       /* 判定 / Verdict */
    SLC_XL_SEVERITY,      /* 重大度 / Severity */
    SLC_XL_RULE,          /* ルール / Rule */
    SLC_XL_MESSAGE,       /* メッセージ / Message */
    SLC_XL_ITEMS_PRESENT, /* 項目数 / Items */
    SLC_XL_ERRORS,        /* エラー / Errors */
    SLC_XL_WARNINGS,      /* 警告 / Warnings */
    SLC_XL_INFO,          /* 情報 / Info */
    SLC_XL_LEADS,         /* 優位 / Leads */
    SLC_XL_TRAILS,        /* 劣位 / Trails */
    SLC_XL_DIFFERS,       /* 相違 / Differ */
    SLC_XL_YES,           /* 有 と回答 / Answered 有 (yes) */
    SLC_XL_UNDISCLOSED,   /* 非公開 / Undisclosed */
    SLC_XL_MISSING,       /* 欠落 / Missing */
    SLC_XL_REQ_MET,       /* 要件充足 / Requirements met */
    SLC_XL_PROFILE,       /* プロファイル / Profile */
    SLC_XL_SCORE,         /* スコア / Score */
    SLC_XL_MUST_FAILED,   /* 必須要件の未充足 / Musts not met */
    SLC_XL_MET,           /* 充足 / Met */
    SLC_XL_NOT_MET,       /* 未充足 / Not met */
    SLC_XL_UNKNOWN,       /* 判断不能 / Unknown */
    SLC_XL_REQUIREMENT,   /* 要件 / Requirement */
    SLC_XL_LEVEL,         /* 水準 / Level */
    SLC_XL_EVIDENCE,      /* 根拠 / Evidence */
    SLC_XL_BETTER,        /* 優れている / Better */
    SLC_XL_WORSE,         /* 劣っている / Worse */
    SLC_XL_NO_FINDINGS,   /* 指摘はありません / No findings */
    SLC_XL_GENERATED_BY,  /* 作成: / Generated by */
    SLC_XL_CHECKLIST,     /* チェックリスト / Checklist */
    /* the summary page (summary.h) */
    SLC_XL_GRID, /* 種別ごとの要件と優劣 / Requirements and standing per category */
    SLC_XL_REPORT_DATE, /* 作成日 / Report date */
    SLC_XL_MUSTS_OPEN, /* 未充足・判断不能の必須要件 / Must requirements not met or unknown */
    SLC_XL_RISKS,            /* 残るリスク / Risks that remain */
    SLC_XL_RISK_UNDISCLOSED, /* 非公開の項目 / Undisclosed items */
    SLC_XL_RISK_TARGETS,  /* 保証を求めたが目標のみ / Guarantee required, target given */
    SLC_XL_RISK_MISSING,  /* 欠落している項目 / Missing items */
    SLC_XL_SCORE_HOW,     /* スコアの計算 / How the score is computed */
    SLC_XL_WEIGHTS,       /* 重み / Weights */
    SLC_XL_REVIEWER,      /* 確認者 / Reviewer */
    SLC_XL_DECISION,      /* 判断 / Decision */
    SLC_XL_DECISION_DATE, /* 判断日 / Date of decision */
    SLC_XL_NONE,          /* なし / None */
    SLC_XL_ANSWERED,      /* 回答あり / Answered */
    SLC_XL_FINDINGS_COUNT, /* 検証結果（エラー・警告・情報） / Findings (errors, warnings, info) */
    SLC_XL_N
} slc_xlabel;

const char *slc_export_label(const slc_export *x, slc_xlabel l);
/* The same, but for a heading or field name that is also a key of the
 * reports' wording (templates/report.LANG.txt: summary, comparison, ...)
 * the template's word, so that --templates renames it in the HTML and
 * Markdown reports alike. The XLSX report keeps slc_export_label: its
 * sheet names must stay names Excel takes. */
const char *slc_export_word(const slc_export *x, slc_xlabel l);
/* Vendor v's display name as every writer prints it (unique in the report:
 * see slc_summary_vendor.name). */
const char *slc_export_vendor_name(const slc_export *x, size_t v);
/* "同じ / same", "表現違い・同内容 / equivalent", "相違 / differs", "欠落 / missing" */
const char *slc_export_verdict_label(const slc_export *x, slc_cmp_verdict v);
/* the same, for writers without a model (diff text) */
const char *slc_cmp_verdict_label(slc_cmp_verdict v, slc_lang lang);
/* One fact as a report in that language shows it: 「≥ 2週間」「0秒」 /
 * "≥ 2 weeks"; a standing (slc_standing_describe) likewise: 「非公開; 100%（実績）」. */
void slc_fact_text(const slc_fact *f, slc_lang lang, slc_buf *out);
void slc_standing_text(const slc_standing *s, slc_lang lang, slc_buf *out);
/* Text marker that carries the meaning without colour:
 * "≡" same, "≈" equivalent, "≠" differs, "—" missing. */
const char *slc_export_verdict_marker(slc_cmp_verdict v);
/* "▲" better (+1), "▼" worse (-1), "" neither. */
const char *slc_export_rank_marker(int rank);
/* Severity as printed: "エラー"/"error" ... */
const char *slc_export_severity_label(const slc_export *x, slc_severity s);

struct slc_req_result;
/* "必須" / "must", "推奨" / "should" */
const char *slc_export_level_label(const slc_export *x, int level);
/* A requirement's verdict with its reason, as printed:
 * "未充足（無と回答）" / "not met (answered no)", "判断不能（非公開）"... */
void slc_export_req_verdict(const slc_export *x, const struct slc_req_result *r, slc_buf *out);
/* A requirement's evidence as printed: the vendor's words, and for an
 * answer 同上 the item and line of the answer it stands for first:
 * "同上（項目 10、18 行目の回答）: 6時間以内" / "同上 (the answer to item 10,
 * line 18): 6時間以内". */
void slc_export_evidence(const slc_export *x, const struct slc_req_result *r, slc_buf *out);

/* The facts read from vendor v's answer to item i, as one short line in
 * the report's language ("yes; ≥ 2 weeks; iso27001", 「有; ≥ 2週間; iso27001」);
 * empty if none or missing. */
void slc_export_facts_text(const slc_export *x, size_t v, size_t i, slc_buf *out);
/* The finding's message in the report's language. */
void slc_export_message(const slc_export *x, size_t v, const slc_finding *f, slc_buf *out);

/* ---- writers ---- */
typedef slc_status (*slc_export_fn)(const slc_export *x, const char *path, slc_error *err);

typedef struct slc_export_format {
    const char *id; /* "xlsx", "html", "md", "json", "tsv", "csv" */
    slc_export_fn write;
    int comparison; /* diff -o writes the comparison in it (a report for people) */
    int binary;     /* not text: never written to a terminal */
} slc_export_format;

/* The i-th format of the table, in its order; NULL past the last. */
const slc_export_format *slc_export_format_at(size_t i);

/* By id ("html"), or NULL. */
const slc_export_format *slc_export_format_find(const char *id);
/* By the path's extension (".htm" and ".html", ".markdown" ...), or NULL. */
const slc_export_format *slc_export_format_for_path(const char *path);

/* For writers that build their bytes in memory: writes them to path. */
slc_status slc_export_write(const slc_buf *buf, const char *path, slc_error *err);

#endif
