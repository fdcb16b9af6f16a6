// Declares atensi's extension keywords to ajv, so that its strict mode (on by default) compiles
// the schemas of `atensi schema KIND`. They are annotations: they describe a field (its
// Indonesian and English labels, its citation, its personal-data class) and validate nothing.
//
//   npm install --prefix /tmp/atensi-ajv --no-save ajv ajv-formats ajv-cli
//   atensi schema person > /tmp/person.schema.json
//   /tmp/atensi-ajv/node_modules/.bin/ajv validate --spec=draft2020 -c ajv-formats \
//       -c ./examples/ajv-atensi.cjs -s /tmp/person.schema.json -d /tmp/record.json
//
// In a program: `require("./ajv-atensi.cjs")(ajv)` after `new Ajv2020()`.
module.exports = function atensiVocabulary(ajv) {
  ajv.addVocabulary([
    "x-atensi-label",
    "x-atensi-labels",
    "x-atensi-citation",
    "x-atensi-sensitivity",
  ]);
  return ajv;
};
