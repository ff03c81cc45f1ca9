/**
 * Imports a module the user wrote (a ruleset's custom function). Code that Node loaded itself can
 * `import()`; the bundled CLI runs through `vm.Script` (for its code cache), where V8 has no
 * dynamic-import callback, so its loader hands in one made by a module Node did load.
 */
type ModuleImporter = (url: string) => Promise<unknown>;

let importer: ModuleImporter = (url) => import(url);

export function setUserModuleImporter(next: ModuleImporter): void {
  importer = next;
}

export function importUserModule(url: string): Promise<unknown> {
  return importer(url);
}
