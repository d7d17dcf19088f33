// Decap's ES module build imports files without their '.js' extension, as its bundler allowed; Node needs the
// extension, so a specifier that is not found is tried again with it.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.endsWith('.js') && !specifier.startsWith('node:')) {
      return next(`${specifier}.js`, context);
    }
    throw error;
  }
}
