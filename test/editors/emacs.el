;;; emacs.el --- gov-report through eglot, in batch Emacs (28 with elpa-eglot, or 29 and later)
;; Opens GOV_REPORT_FILE through `gov-report lsp', waits for its diagnostics, applies the quick
;; fix of the first finding of rule GOV_REPORT_FIX_RULE and writes what it saw as JSON to
;; GOV_REPORT_OUT: the diagnostics (line and column, 0-based), the quick fix's title and the
;; buffer's text after it.  test/editors/editors.test.ts runs it and compares with the CLI.
;; Any failure writes {"error": ...} and exits with status 1.

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)

(defconst gov-report-wait-seconds 30)
(defvar gov-report-out (getenv "GOV_REPORT_OUT"))

(defun gov-report-finish (result status)
  (with-temp-file gov-report-out
    (set-buffer-file-coding-system 'utf-8-unix)
    (insert (json-encode result)))
  (kill-emacs status))

(defun gov-report-diagnostics ()
  "The buffer's diagnostics as eglot keeps them: the LSP diagnostic of each, placed in the buffer."
  (mapcar (lambda (d)
            (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
                  (beg (flymake-diagnostic-beg d)))
              (save-excursion
                (goto-char beg)
                `((line . ,(1- (line-number-at-pos beg)))
                  (character . ,(- beg (line-beginning-position)))
                  (code . ,(plist-get lsp :code))
                  (message . ,(plist-get lsp :message))
                  (severity . ,(plist-get lsp :severity))
                  (beg . ,beg) (end . ,(flymake-diagnostic-end d))))))
          (or (flymake-diagnostics) eglot--diagnostics)))

(defun gov-report-run ()
  (let* ((file (getenv "GOV_REPORT_FILE"))
         (rule (getenv "GOV_REPORT_FIX_RULE"))
         (deadline (+ (float-time) gov-report-wait-seconds)))
    (find-file file)
    ;; The tables are tab-separated: tabs stay tabs.
    (setq indent-tabs-mode t)
    (setq-default eglot-workspace-configuration '(:govReport (:locale "zh-cn")))
    (eglot '(text-mode) (cons 'transient (file-name-directory file)) 'eglot-lsp-server
           '("gov-report" "lsp") "gov-report")
    (while (and (null (gov-report-diagnostics)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (let* ((diagnostics (gov-report-diagnostics))
           (target (seq-find (lambda (d) (equal (alist-get 'code d) rule)) diagnostics)))
      (unless diagnostics (error "No diagnostics within %s s" gov-report-wait-seconds))
      (unless target (error "No diagnostic of %s" rule))
      (let* ((actions (eglot-code-actions (alist-get 'beg target) (alist-get 'end target) "quickfix"))
             (action (seq-find (lambda (a) (plist-get a :edit)) actions)))
        (unless action (error "No quick fix with an edit: %S" actions))
        (eglot--apply-workspace-edit (plist-get action :edit))
        (gov-report-finish
         `((diagnostics . ,(vconcat (mapcar (lambda (d) (seq-remove (lambda (kv) (memq (car kv) '(beg end))) d))
                                            diagnostics)))
           (fix . ,(plist-get action :title))
           (text . ,(buffer-substring-no-properties (point-min) (point-max))))
         0)))))

(condition-case err
    (gov-report-run)
  (error (gov-report-finish `((error . ,(error-message-string err))) 1)))
