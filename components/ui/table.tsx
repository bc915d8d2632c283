/** The last header cell of an admin table whose rows end in buttons: named for screen readers, empty on screen. */
export function ActionsHeader() {
  return (
    <th className="py-1 font-normal">
      <span className="sr-only">操作</span>
    </th>
  );
}
