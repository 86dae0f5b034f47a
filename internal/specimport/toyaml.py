import json,yaml,sys,collections
d=json.load(open(sys.argv[1]),object_pairs_hook=collections.OrderedDict)
d['components']['schemas']['ErrorResponse']={'type':'object','required':['error'],'properties':{
 'error':{'$ref':'#/components/schemas/ErrorDetail'},
 'user_id':{'type':'string','nullable':True},
 'openrouter_metadata':{'type':'object','nullable':True,'additionalProperties':{}}}}
d['components']['schemas']['ErrorDetail']={'type':'object','required':['code','message'],'properties':{
 'code':{'type':'integer'},'message':{'type':'string'},'metadata':{'type':'object','nullable':True,'additionalProperties':{}}}}
def rep(o):
    if isinstance(o,collections.OrderedDict) or isinstance(o,dict):
        return {k:rep(v) for k,v in o.items()}
    if isinstance(o,list): return [rep(x) for x in o]
    return o
class D(yaml.SafeDumper): pass
D.add_representer(dict, lambda dumper, data: dumper.represent_mapping('tag:yaml.org,2002:map', data.items()))
def str_rep(dumper, data):
    return dumper.represent_scalar('tag:yaml.org,2002:str', data)
yaml.dump(rep(d), open(sys.argv[2],'w'), Dumper=D, sort_keys=False, width=120, allow_unicode=True)
