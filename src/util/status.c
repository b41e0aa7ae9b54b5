/* status.c - status names and localized descriptions. */
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *id, *en, *ja;
} status_text[] = {
    [SLC_OK] = {"ok", "success", "成功"},
    [SLC_ERR_IO] = {"io-error", "cannot read or write the file", "ファイルを読み書きできません"},
    [SLC_ERR_EMPTY] = {"empty-input", "the file is empty", "ファイルが空です"},
    [SLC_ERR_BINARY] = {"binary-input", "not a text checklist (binary data)",
                        "テキストのチェックリストではありません（バイナリデータ）"},
    [SLC_ERR_DECODE] = {"decode-error", "the bytes are not text in any supported encoding",
                        "どの対応文字コードとしても解釈できないバイト列です"},
    [SLC_ERR_ENCODING] = {"unknown-encoding", "unknown or unsupported encoding",
                          "不明または未対応の文字コードです"},
    [SLC_ERR_TOO_LARGE] = {"too-large", "the input exceeds a limit", "入力が上限を超えています"},
    [SLC_ERR_FORMAT] = {"bad-format", "the input is not in a format slacheck reads",
                        "slacheck が読める形式ではありません"},
    [SLC_ERR_DEFINITION] = {"bad-definition", "invalid checklist definition",
                            "チェックリスト定義が不正です"},
    [SLC_ERR_INTERNAL] = {"internal-error", "internal error", "内部エラー"},
    [SLC_ERR_UNMAPPABLE] = {"unmappable-character",
                            "a character cannot be written in the requested encoding",
                            "指定の文字コードでは書けない文字があります"},
    [SLC_ERR_NOT_CHECKLIST] =
        {"not-a-checklist",
         "not a checklist but a document, image or archive: use the "
         "vendor's original spreadsheet (.xlsx, .xls, .csv), or export "
         "the answers as text (CSV or TSV)",
         "チェックリストではなく文書・画像・アーカイブです。ベンダーの元の表計算"
         "ファイル（.xlsx・.xls・.csv）を使うか、回答をテキスト（CSV・TSV）に"
         "書き出してください"},
    [SLC_ERR_TEMPLATE] = {"bad-template", "invalid template (--templates)",
                          "テンプレートが不正です（--templates）"},
};

void slc_error_clear(slc_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    err->offset = -1;
}

slc_status slc_error_set(slc_error *err, slc_status status, const char *path, long line,
                         long long offset, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->path, sizeof(err->path), "%s", path ? path : "");
    err->line = line;
    err->offset = offset;
    err->detail[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
        va_end(ap);
    }
    return status;
}

const char *slc_status_id(slc_status status)
{
    if ((size_t)status >= sizeof(status_text) / sizeof(status_text[0]))
        return "unknown";
    return status_text[status].id;
}

const char *slc_strerror(slc_status status, slc_lang lang)
{
    if ((size_t)status >= sizeof(status_text) / sizeof(status_text[0]))
        return "?";
    return lang == SLC_LANG_JA ? status_text[status].ja : status_text[status].en;
}
