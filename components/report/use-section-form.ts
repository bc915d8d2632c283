"use client";
// One react-hook-form per section, wired to autosave: every change goes to the editor (outline, live figures)
// and to the autosave queue; content that fails the section's zod schema is held back with the field marked.
// It also watches for saves by someone else (components/report/use-section-watch.ts) and merges on request.
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SECTION_CONTENT, type SectionContent, type SectionContentKind } from "@/lib/report/content";
import { migrateSectionContent } from "@/lib/report/migrate";
import { mergeSections } from "@/lib/report/merge";
import { useAutosave } from "@/components/report/use-autosave";
import { fetchHead, useSectionWatch, type RemoteHead } from "@/components/report/use-section-watch";
import type { FieldErrors } from "@/lib/errors";

export type SectionFormProps = {
  reportId: string;
  sectionKey: string;
  kind: SectionContentKind;
  version: number;
  content: SectionContent;
  readOnly: boolean;
  onChange: (key: string, content: SectionContent) => void;
  onSaved: (key: string, version: number, content: SectionContent, completeness: number) => void;
};

/** Content from elsewhere (a local draft from before an upgrade, the server's copy) in the current format. */
function current(kind: SectionContentKind, content: SectionContent): SectionContent {
  try {
    const parsed = SECTION_CONTENT[kind].safeParse(migrateSectionContent(kind, content));
    return parsed.success ? (parsed.data as SectionContent) : content;
  } catch {
    return content;
  }
}

const heldMessage = (issues: { message: string }[]) => `有 ${issues.length} 处内容需要修改后才能保存：${issues[0].message}`;

export type LiveSection = {
  /** A newer version saved by someone else, not yet taken in. */
  remote: RemoteHead | null;
  /** When a local draft was restored on opening (ISO time), until the writer dismisses the notice. */
  restoredAt: string | null;
  dismissRestored: () => void;
  /** Fetches the other version to show it. */
  view: () => Promise<RemoteHead | null>;
  /** Takes the other version in: as it is when nothing here is unsaved, else merged field by field. */
  merge: () => Promise<void>;
  dismissRemote: () => void;
};

export function useSectionForm<T extends FieldValues & SectionContent>(props: SectionFormProps) {
  const schema = SECTION_CONTENT[props.kind];
  const form = useForm<T>({
    // The resolver's generic types cannot follow the union of section schemas; the schema is the one for this kind.
    resolver: zodResolver(schema as never) as never,
    defaultValues: props.content as never,
    mode: "onChange",
  });
  const replacing = useRef(false);
  // The content the server has at the version this page works from: the base of a merge.
  const base = useRef<SectionContent>(props.content);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  const applyFieldErrors = useCallback(
    (errors: FieldErrors) => {
      for (const [field, messages] of Object.entries(errors)) form.setError(field as Path<T>, { message: messages[0] });
    },
    [form],
  );

  const autosave = useAutosave({
    reportId: props.reportId,
    sectionKey: props.sectionKey,
    version: props.version,
    serverContent: props.content,
    readOnly: props.readOnly,
    onReplace: (raw) => {
      const content = current(props.kind, raw);
      replacing.current = true;
      form.reset(content as never);
      replacing.current = false;
      props.onChange(props.sectionKey, content);
      // A restored draft can hold a figure the field could not read: keep it on screen, do not send it. (Deferred:
      // the restore queues its save right after this call.)
      const parsed = schema.safeParse(content);
      if (!parsed.success) setTimeout(() => holdRef.current(heldMessage(parsed.error.issues), content), 0);
    },
    onSaved: (version, content, completeness) => {
      base.current = content;
      props.onSaved(props.sectionKey, version, content, completeness);
    },
    onFieldErrors: applyFieldErrors,
    onRestoredDraft: setRestoredAt,
  });

  const { change, hold } = autosave;
  const holdRef = useRef(hold);
  useEffect(() => {
    holdRef.current = hold;
  });
  const onChange = props.onChange;
  const sectionKey = props.sectionKey;
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (replacing.current) return;
        const parsed = schema.safeParse(values);
        onChange(sectionKey, values as SectionContent);
        if (parsed.success) change(parsed.data as SectionContent);
        else hold(heldMessage(parsed.error.issues), values as SectionContent);
      },
    });
  }, [form, schema, change, hold, onChange, sectionKey]);

  const watch = useSectionWatch({
    reportId: props.reportId,
    sectionKey: props.sectionKey,
    version: props.version,
    enabled: !props.readOnly,
    busy: () => autosave.state === "saving" || autosave.conflict !== null,
  });

  const live: LiveSection = {
    remote: watch.remote,
    restoredAt,
    dismissRestored: () => setRestoredAt(null),
    dismissRemote: watch.dismiss,
    view: () => fetchHead(props.reportId, props.sectionKey, true),
    merge: async () => {
      const head = await fetchHead(props.reportId, props.sectionKey, true);
      if (!head?.content) return;
      const theirs = current(props.kind, head.content);
      const mine = form.getValues() as SectionContent;
      watch.dismiss();
      if (autosave.state === "saved") return autosave.rebase(head.version, theirs, false);
      const { merged, conflicts } = mergeSections(base.current, mine, theirs);
      base.current = theirs;
      if (conflicts.length === 0) autosave.rebase(head.version, merged, true);
      else autosave.showConflict(mine, { version: head.version, content: theirs, updatedBy: head.updatedBy, updatedAt: head.updatedAt ?? "" });
    },
  };

  return { form, autosave, live };
}
