/** The errors the fake throws: Office.js's RichApi.Error with its code, and reading a property not loaded. */
export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export class PropertyNotLoadedError extends Error {}
