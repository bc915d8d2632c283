"use client";
// Drag to reorder in the scheme editor (decision 033), with @dnd-kit: by mouse on the handle, or from the keyboard
// (focus the handle, Space to lift, arrow keys to move, Space to drop, Esc to cancel). Announcements are Chinese,
// so a screen reader says where the item is, not dnd-kit's English defaults. The list's order is the form's order;
// whatever numbers follow from it (序号) follow the list.
import type { CSSProperties, ReactNode } from "react";
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";

type Props = { ids: string[]; label: (index: number) => string; onMove: (from: number, to: number) => void; children: ReactNode };

export function SortableList({ ids, label, onMove, children }: Props) {
  // A pointer drag starts after 4 px, so a click on the handle (or on a control beside it) stays a click.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const at = (id: string | number) => ids.indexOf(String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => `已拿起${label(at(active.id))}。用方向键移动，空格键放下，Esc 取消。`,
    onDragOver: ({ active, over }) => (over ? `${label(at(active.id))}移到第 ${at(over.id) + 1} 位。` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${label(at(active.id))}放在第 ${at(over.id) + 1} 位。` : `已放下${label(at(active.id))}。`),
    onDragCancel: ({ active }) => `已取消移动，${label(at(active.id))}留在原位。`,
  };
  const end = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = at(active.id);
    const to = at(over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={end}
      accessibility={{ announcements, screenReaderInstructions: { draggable: "按空格键拿起，用上下方向键移动，再按空格键放下；按 Esc 取消。" } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One item of a SortableList; `children` gets the drag handle to place where it belongs (e.g. in a summary). */
export function SortableItem({ id, label, disabled, className, children }: { id: string; label: string; disabled?: boolean; className?: string; children: (handle: ReactNode) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled, attributes: { roleDescription: "可拖动项" } });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition, position: "relative", zIndex: isDragging ? 10 : undefined };
  const handle = disabled ? null : (
    <button
      type="button"
      ref={setActivatorNodeRef}
      aria-label={`拖动${label}`}
      title="拖动以调整顺序"
      className="cursor-grab rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 active:cursor-grabbing"
      // Inside a <summary>, a click (or the Space that drops the item) would also open or close the card.
      onClick={(e) => e.preventDefault()}
      {...attributes}
      {...listeners}
    >
      ⠿
    </button>
  );
  return (
    <div ref={setNodeRef} style={style} className={`${className ?? ""} ${isDragging ? "opacity-80 shadow-lg" : ""}`}>
      {children(handle)}
    </div>
  );
}

/** A form list (react-hook-form field array at `name`) whose rows can be dragged, removed and added; `numbered`
 *  shows each row's place beside its handle (the place is what numbers the row in the report). */
export function EditableList({ name, label, newItem, addLabel, readOnly, testId, listLabel, numbered = false, rowClass = "rounded border border-slate-100 p-2", children }: { name: string; label: (index: number) => string; newItem: () => Record<string, unknown>; addLabel: string; readOnly: boolean; testId: string; listLabel?: string; numbered?: boolean; rowClass?: string; children: (at: string, index: number) => ReactNode }) {
  const { control } = useFormContext();
  const list = useFieldArray({ control, name });
  return (
    <div className="space-y-2">
      <SortableList ids={list.fields.map((f) => f.id)} label={label} onMove={(from, to) => list.move(from, to)}>
        <ol className="space-y-1" aria-label={listLabel}>
          {list.fields.map((f, i) => (
            <li key={f.id} data-testid={`${testId}-${i}`}>
              <SortableItem id={f.id} label={label(i)} disabled={readOnly} className={rowClass}>
                {(handle) => (
                  <div className="flex items-start gap-1">
                    <div className="flex items-center gap-1 pt-5 text-sm text-slate-500">
                      {handle}
                      {numbered ? <span aria-hidden>{i + 1}</span> : null}
                    </div>
                    <div className="min-w-0 flex-1">{children(`${name}.${i}`, i)}</div>
                    {!readOnly ? (
                      <Button type="button" variant="ghost" className="mt-4 px-2 py-1 text-red-700" aria-label={`删除${label(i)}`} onClick={() => list.remove(i)}>
                        删除
                      </Button>
                    ) : null}
                  </div>
                )}
              </SortableItem>
            </li>
          ))}
        </ol>
      </SortableList>
      {!readOnly ? (
        <Button type="button" variant="secondary" className="py-1" onClick={() => list.append(newItem())}>
          {addLabel}
        </Button>
      ) : null}
    </div>
  );
}
